/* cjm-render-card.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cards: touchpoints, notes and opportunities, with their marks, facts,
 * KPIs and finding badges.
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cjm-finding.h"
#include "cjm-layout-private.h"
#include "cjm-render-private.h"

/* Layer 3 */

static void
draw_badge (CjmLayout           *layout,
            cairo_t             *cr,
            const CjmLayoutCard *card,
            const CjmStyleColors    *pal)
{
  /* the count on the badge: the same on either paper */
  static const CjmColor on_yellow = HEX (0x241f31), on_colour = HEX (0xffffff);
  const CjmRect *b = &card->badge;
  double cx = b->x + b->width / 2, cy = b->y + b->height / 2;
  CjmColor color;
  g_autofree char *count = g_strdup_printf ("%u", MIN (card->n_findings, 99));
  CjmRect box = { b->x - 4, 0, b->width + 8, 0 };
  double th;

  cjm_style_get_severity_color (card->severity, &color);
  cairo_arc (cr, cx, cy, b->width / 2, 0, 2 * G_PI);
  cjm_render_set_color (cr, &pal->paper);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, b->width / 2 - 1.5, 0, 2 * G_PI);
  cjm_render_set_color (cr, &color);
  cairo_fill (cr);

  cjm_layout_measure_text (layout, CJM_FONT_SMALL_BOLD, count, box.width, 1, CJM_TEXT_CENTER, NULL, &th);
  box.y = cy - th / 2;
  box.height = th;
  cjm_render_text (layout, cr, CJM_FONT_SMALL_BOLD, count, &box, 1, CJM_TEXT_CENTER,
             card->severity == CJM_SEVERITY_WARNING ? &on_yellow : &on_colour);
}

/* A small rounded label ("Assumed") ending at x_end (start-aligned in RTL);
 * returns its width. */
static double
draw_chip (CjmLayout      *layout,
           cairo_t        *cr,
           const char     *text,
           double          x_end,
           double          y,
           const CjmColor *color)
{
  double tw, th, w;
  gboolean rtl = cjm_layout_is_rtl (layout);
  CjmRect box;
  double x;

  cjm_layout_measure_text (layout, CJM_FONT_CAPTION, text, -1, 1, 0, &tw, &th);
  w = tw + 10;
  x = rtl ? x_end : x_end - w;
  cjm_render_rounded_rect (cr, x, y, w, th + 2, (th + 2) / 2);
  cjm_render_set_color_alpha (cr, color, 0.16);
  cairo_fill (cr);
  box = (CjmRect) { x + 5, y + 1, tw + 0.5, th };
  cjm_render_text (layout, cr, CJM_FONT_CAPTION, text, &box, 1, CJM_TEXT_CENTER, color);
  return w;
}

/* The part of the card's rounded rectangle within CJM_M_CARD_STRIPE of its
 * start edge. */
static void
stripe_path (cairo_t       *cr,
             const CjmRect *r,
             gboolean       rtl)
{
  const double radius = MIN (CJM_M_CARD_RADIUS, MIN (r->width, r->height) / 2);
  const double s = MIN (CJM_M_CARD_STRIPE, radius);
  /* where the corner arcs cross the stripe's inner edge */
  const double a = acos ((s - radius) / radius);
  const double top = 2 * G_PI - a, bottom = a;

  cairo_save (cr);
  if (rtl)
    {
      cairo_translate (cr, 2 * r->x + r->width, 0);
      cairo_scale (cr, -1, 1);
    }
  cairo_arc_negative (cr, r->x + radius, r->y + radius, radius, top, G_PI);
  cairo_line_to (cr, r->x, r->y + r->height - radius);
  cairo_arc_negative (cr, r->x + radius, r->y + r->height - radius, radius, G_PI, bottom);
  cairo_close_path (cr);
  cairo_restore (cr);
}

/* Zoomed out past readable text: a touchpoint's face, large enough to
 * see, centred on the card, and the badge; no text. */
static void
draw_simplified (CjmLayout              *layout,
                 cairo_t                *cr,
                 const CjmLayoutCard    *card,
                 CjmKind                 kind,
                 const CjmRenderOptions *options,
                 const CjmStyleColors   *pal)
{
  const CjmRect *r = &card->rect;

  if (kind == CJM_KIND_TOUCHPOINT)
    {
      int e = cjm_item_get_emotion (card->item);
      double radius = MIN (r->height, r->width - CJM_M_CARD_STRIPE) * 0.3;
      double cx = r->x + CJM_M_CARD_STRIPE / 2 + r->width / 2;
      double cy = r->y + r->height / 2;

      if (e != CJM_EMOTION_UNSET && radius > 2)
        cjm_render_draw_face (cr, cx, cy, radius, e);
    }
  if (options->draw_findings && cjm_layout_get_show_findings (layout) && card->n_findings > 0 &&
      card->badge.width > 0)
    {
      CjmColor color;
      const CjmRect *b = &card->badge;

      /* The count would not be read: the severity's colour, larger. */
      cjm_style_get_severity_color (card->severity, &color);
      cairo_arc (cr, b->x + b->width / 2, b->y + b->height / 2, b->width, 0, 2 * G_PI);
      cjm_render_set_color (cr, &pal->paper);
      cairo_fill (cr);
      cairo_arc (cr, b->x + b->width / 2, b->y + b->height / 2, b->width - 2.5, 0, 2 * G_PI);
      cjm_render_set_color (cr, &color);
      cairo_fill (cr);
    }
}

void
cjm_render_draw_card (CjmLayout              *layout,
                      cairo_t                *cr,
                      const CjmLayoutCard    *card,
                      const CjmRenderOptions *options)
{
  CjmRenderOptions storage;
  const CjmStyleColors *pal;
  CjmLabels *labels;
  CjmItem *item, *lane;
  CjmKind kind;
  CjmLaneKind lane_kind = CJM_LANE_UNKNOWN;
  const char *channel = NULL, *evidence, *text;
  gboolean rtl, dashed, mot;
  CjmColor accent, fill;
  const CjmRect *r;
  double small = 0, y, x_end, x_start;
  CjmFont title_font;
  int max_lines;
  g_autofree char *meta = NULL;
  char faint[8], accent_hex[8];

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL && card != NULL);

  options = cjm_render_default_options (options, &storage);
  pal = cjm_render_colors (options);
  labels = cjm_layout_get_labels (layout);
  cjm_render_color_to_hex (&pal->text_faint, faint);
  cjm_render_color_to_hex (&pal->accent, accent_hex);
  item = card->item;
  lane = card->lane;
  kind = cjm_item_get_kind (item);
  rtl = cjm_layout_is_rtl (layout);
  r = &card->rect;

  if (lane != NULL)
    {
      lane_kind = cjm_item_get_lane_kind (lane);
      channel = cjm_item_get_field (lane, CJM_FIELD_CHANNEL);
    }
  else if (kind == CJM_KIND_OPPORTUNITY)
    lane_kind = CJM_LANE_OPPORTUNITIES;
  else if (kind == CJM_KIND_NOTE)
    lane_kind = CJM_LANE_NOTES;
  cjm_style_colors_get_lane_accent (pal, lane_kind, channel, &accent);
  cjm_style_colors_get_card_fill (pal, kind, lane_kind, channel, &fill);

  evidence = kind == CJM_KIND_TOUCHPOINT ? cjm_item_get_field (item, CJM_FIELD_EVIDENCE) : NULL;
  dashed = evidence != NULL && (g_str_equal (evidence, "assumed") || g_str_equal (evidence, "proposed"));
  mot = kind == CJM_KIND_TOUCHPOINT && cjm_item_get_bool_field (item, CJM_FIELD_MOMENT_OF_TRUTH, FALSE);

  cairo_save (cr);

  /* a soft shadow along the bottom edge (a line: filling a whole shadow
   * shape under every card costs as much as the card) */
  if (!options->print)
    {
      cairo_move_to (cr, r->x + CJM_M_CARD_RADIUS / 2, r->y + r->height + 0.75);
      cairo_line_to (cr, r->x + r->width - CJM_M_CARD_RADIUS / 2, r->y + r->height + 0.75);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.10);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  cjm_render_rounded_rect (cr, r->x, r->y, r->width, r->height, CJM_M_CARD_RADIUS);
  cjm_render_set_color (cr, &fill);
  cairo_fill_preserve (cr);

  /* the lane-coloured stripe along the start edge, following the
   * rounded corners (a path, not a clip: clipping is slow) */
  cairo_new_path (cr);
  stripe_path (cr, r, rtl);
  cjm_render_set_color (cr, &accent);
  cairo_fill (cr);

  /* border: dashed for steps we assume or propose, gold for moments of truth */
  if (mot)
    cjm_render_rounded_rect (cr, r->x + 1, r->y + 1, r->width - 2, r->height - 2, CJM_M_CARD_RADIUS - 1);
  else
    cjm_render_rounded_rect (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1, CJM_M_CARD_RADIUS - 0.5);
  if (mot)
    {
      cjm_render_set_color (cr, &pal->gold);
      cairo_set_line_width (cr, 2);
    }
  else
    {
      cjm_render_set_color (cr, kind == CJM_KIND_TOUCHPOINT ? &pal->card_border : &accent);
      cairo_set_line_width (cr, 1);
      if (kind != CJM_KIND_TOUCHPOINT)
        cjm_render_set_color_alpha (cr, &accent, 0.45);
    }
  if (dashed)
    {
      const double dash[] = { 5, 3 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (options->simplified)
    {
      draw_simplified (layout, cr, card, kind, options, pal);
      cairo_restore (cr);
      return;
    }

  /* title (or a note's text) */
  text = cjm_item_get_display_text (item);
  if (text == NULL || *text == '\0')
    text = cjm_item_get_id (item) ? cjm_item_get_id (item) : "";
  title_font = kind == CJM_KIND_NOTE ? CJM_FONT_NOTE : CJM_FONT_CARD_TITLE;
  max_lines = kind == CJM_KIND_NOTE ? CJM_M_NOTE_LINES : CJM_M_TITLE_LINES;
  cjm_render_text (layout, cr, title_font, text, &card->title, max_lines, 0, &pal->text);

  /* the emotion face at the top end corner */
  if (kind == CJM_KIND_TOUCHPOINT)
    {
      int e = cjm_item_get_emotion (item);
      double fx = rtl ? r->x + CJM_M_CARD_PAD + CJM_M_FACE_SIZE / 2
                      : r->x + r->width - CJM_M_CARD_PAD - CJM_M_FACE_SIZE / 2;
      double fy = r->y + CJM_M_CARD_PAD + CJM_M_FACE_SIZE / 2 - 1;

      if (e != CJM_EMOTION_UNSET)
        cjm_render_draw_face (cr, fx, fy, CJM_M_FACE_SIZE / 2, e);
      else
        {
          const double dash[] = { 2, 2 };

          cairo_arc (cr, fx, fy, CJM_M_FACE_SIZE / 2 - 1, 0, 2 * G_PI);
          cjm_render_set_color (cr, &pal->grid);
          cairo_set_line_width (cr, 1.2);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  small = cjm_layout_get_line_height (layout, CJM_FONT_SMALL);
  y = card->title.y + card->title.height;
  x_start = rtl ? r->x + CJM_M_CARD_PAD : r->x + CJM_M_CARD_STRIPE + CJM_M_CARD_PAD;
  x_end = rtl ? r->x + r->width - CJM_M_CARD_STRIPE - CJM_M_CARD_PAD : r->x + r->width - CJM_M_CARD_PAD;
  (void) x_start;

  /* meta line: owner or impact/effort at the start, marks at the end */
  meta = cjm_layout_dup_card_meta (layout, item, lane);
  if (*meta != '\0' || mot || (evidence != NULL && *evidence != '\0'))
    {
      double inner_l = rtl ? r->x + CJM_M_CARD_PAD : r->x + CJM_M_CARD_STRIPE + CJM_M_CARD_PAD;
      double inner_r = rtl ? r->x + r->width - CJM_M_CARD_STRIPE - CJM_M_CARD_PAD : r->x + r->width - CJM_M_CARD_PAD;
      double marks = 0;
      double my = y + CJM_M_SECTION_GAP;

      if (evidence != NULL && *evidence != '\0')
        {
          const char *label;
          CjmColor ec;

          if (g_str_equal (evidence, "observed"))
            {
              label = cjm_labels_pgettext (labels, "evidence", "Observed");
              ec = cjm_style_color_from_hex (0x26a269);
            }
          else if (g_str_equal (evidence, "assumed"))
            {
              label = cjm_labels_pgettext (labels, "evidence", "Assumed");
              ec = cjm_style_color_from_hex (0x9c6e03);
            }
          else if (g_str_equal (evidence, "proposed"))
            {
              label = cjm_labels_pgettext (labels, "evidence", "Proposed");
              ec = cjm_style_color_from_hex (0x1c71d8);
            }
          else
            {
              label = evidence;
              ec = pal->text_dim;
            }
          if (pal->scheme == CJM_STYLE_DARK)
            ec = cjm_style_colors_readable (pal, &ec, &fill, 4.5);
          marks += draw_chip (layout, cr, label, rtl ? inner_l : inner_r, my + 0.5, &ec) + 4;
        }
      if (mot)
        {
          double sx = rtl ? inner_l + marks + small / 2 : inner_r - marks - small / 2;

          cjm_render_star_path (cr, sx, my + small / 2, small / 2);
          cjm_render_set_color (cr, &pal->gold);
          cairo_fill (cr);
          marks += small + 4;
        }
      if (*meta != '\0')
        {
          CjmRect box = { rtl ? inner_l + marks : inner_l, my, inner_r - inner_l - marks, small };

          cjm_render_text (layout, cr, CJM_FONT_SMALL, meta, &box, 1, 0, &pal->text_dim);
        }
      y = my + small;
    }
  (void) x_end;

  /* facts and KPIs */
  if (kind == CJM_KIND_TOUCHPOINT)
    {
      GPtrArray *facts = cjm_item_get_list (item, CJM_LIST_FACTS);
      GPtrArray *kpis = cjm_item_get_list (item, CJM_LIST_KPIS);
      guint nf = facts ? facts->len : 0;
      guint nk = kpis ? kpis->len : 0;
      double inner_x = rtl ? r->x + CJM_M_CARD_PAD : r->x + CJM_M_CARD_STRIPE + CJM_M_CARD_PAD;
      double inner_w = r->width - 2 * CJM_M_CARD_PAD - CJM_M_CARD_STRIPE;

      if (card->n_facts + card->n_kpis > 0)
        {
          y += CJM_M_SECTION_GAP;
          cjm_render_set_color (cr, &pal->grid);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, inner_x, round (y) + 0.5);
          cairo_line_to (cr, inner_x + inner_w, round (y) + 0.5);
          cairo_stroke (cr);
          y += 3;

          for (guint i = 0; i < card->n_facts; i++)
            {
              CjmFact *fact = g_ptr_array_index (facts, i);
              g_autofree char *k = g_markup_escape_text (fact->key ? fact->key : "", -1);
              g_autofree char *v = g_markup_escape_text (fact->value ? fact->value : "", -1);
              g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">%s</span>  %s",
                                                         faint, k, v);
              CjmRect box = { inner_x, y, inner_w, small };

              cjm_render_text (layout, cr, CJM_FONT_SMALL, markup, &box, 1, CJM_TEXT_MARKUP,
                               &pal->text);
              y += small;
            }
          for (guint i = 0; i < card->n_kpis; i++)
            {
              CjmKpi *kpi = g_ptr_array_index (kpis, i);
              g_autofree char *n = g_markup_escape_text (kpi->name ? kpi->name : "", -1);
              g_autofree char *v = g_markup_escape_text (kpi->value ? kpi->value : "", -1);
              /* words get a space ("7 minutes"), signs do not ("88%") */
              g_autofree char *u = kpi->unit && g_unichar_isalpha (g_utf8_get_char (kpi->unit))
                                   ? g_markup_printf_escaped (" %s", kpi->unit)
                                   : g_markup_escape_text (kpi->unit ? kpi->unit : "", -1);
              g_autofree char *t = NULL;
              g_autofree char *markup = NULL;
              CjmRect box = { inner_x, y, inner_w, small };

              if (kpi->target != NULL && *kpi->target != '\0')
                {
                  g_autofree char *te = g_markup_escape_text (kpi->target, -1);

                  /* Translators: a KPI's target value, e.g. "target 4.2" */
                  t = g_strdup_printf ("  <span foreground=\"%s\">%s %s%s</span>", faint,
                                       cjm_labels_gettext (labels, "target"), te, u);
                }
              markup = g_strdup_printf ("<span foreground=\"%s\">▮</span> <b>%s</b>  %s%s%s",
                                        accent_hex, n, v, u, t ? t : "");
              cjm_render_text (layout, cr, CJM_FONT_SMALL, markup, &box, 1, CJM_TEXT_MARKUP,
                               &pal->text);
              y += small;
            }
          if (nf > card->n_facts || nk > card->n_kpis)
            {
              guint more = (nf - card->n_facts) + (nk - card->n_kpis);
              const char *format = cjm_labels_ngettext (labels, "+%u more", "+%u more", more);
              g_autofree char *line = g_strdup_printf (format, more);
              CjmRect box = { inner_x, y, inner_w, small };

              cjm_render_text (layout, cr, CJM_FONT_SMALL, line, &box, 1, 0, &pal->text_faint);
            }
        }
    }

  if (options->draw_findings && cjm_layout_get_show_findings (layout) && card->n_findings > 0 &&
      card->badge.width > 0)
    draw_badge (layout, cr, card, pal);

  cairo_restore (cr);
}
