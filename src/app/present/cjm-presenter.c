/* cjm-presenter.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The presentation window: one drawing area that paints the current page
 * with Pango and cjm-render, and the keys that step through the pages.
 * Every word drawn on a slide is in the map's language (the layout's
 * CjmLabels), not the desktop's.
 */

#define G_LOG_DOMAIN "CjmPresenter"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-labels.h"
#include "cjm-layout.h"
#include "cjm-presenter.h"
#include "cjm-render.h"

/* A typed stage number waits this long for another digit. */
#define JUMP_DELAY_MS 900

struct _CjmPresenter
{
  GtkWindow     parent_instance;

  CjmDocument  *document;
  CjmLayout    *layout;
  GtkWidget    *area;

  guint         page;
  GString      *typed;
  guint         jump_id;

  int           heading_height;
  char         *heading;
  char         *label;
};

G_DEFINE_FINAL_TYPE (CjmPresenter, cjm_presenter, GTK_TYPE_WINDOW)

/* Colours of the slides: the light paper of the map. */
static const double paper[3] = { 0.98, 0.98, 0.97 };
static const double ink[3] = { 0.14, 0.14, 0.16 };
static const double muted[3] = { 0.40, 0.40, 0.44 };

/* Helpers */

static guint
n_stages (CjmPresenter *self)
{
  return cjm_layout_get_n_stages (self->layout);
}

static gboolean
is_rtl (CjmPresenter *self)
{
  return cjm_layout_is_rtl (self->layout);
}

static void
step (CjmPresenter *self,
      int           delta)
{
  int page = (int) self->page + delta;

  cjm_presenter_set_page (self, (guint) CLAMP (page, 0, (int) cjm_presenter_get_n_pages (self) - 1));
}

static void
jump_to_typed (CjmPresenter *self)
{
  guint64 number = 0;

  g_clear_handle_id (&self->jump_id, g_source_remove);
  if (self->typed->len > 0 && g_ascii_string_to_unsigned (self->typed->str, 10, 1, n_stages (self),
                                                          &number, NULL))
    cjm_presenter_set_page (self, (guint) number);
  g_string_truncate (self->typed, 0);
}

static gboolean
jump_timeout_cb (gpointer data)
{
  CjmPresenter *self = data;

  self->jump_id = 0;
  jump_to_typed (self);
  return G_SOURCE_REMOVE;
}

static CjmLabels *
labels (CjmPresenter *self)
{
  return cjm_layout_get_labels (self->layout);
}

/* The slide's own words (not the map's): kept for tests. */
static void
set_label (CjmPresenter *self,
           const char   *text)
{
  g_free (self->label);
  self->label = g_strdup (text);
}

static void
set_heading (CjmPresenter *self,
             const char   *text,
             int           height)
{
  g_free (self->heading);
  self->heading = g_strdup (text);
  self->heading_height = height;
}

/* A Pango layout of @text at @px pixels, wrapped to @width, aligned to the
 * start of the map's direction. */
static PangoLayout *
make_text (CjmPresenter *self,
           cairo_t      *cr,
           const char   *text,
           double        px,
           gboolean      bold,
           double        width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_context_set_base_dir (pango_layout_get_context (layout),
                              is_rtl (self) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* The start of the map's direction, whatever the desktop's. */
  pango_layout_set_alignment (layout, is_rtl (self) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* Draws @text at (@x, @y) and returns its height. */
static double
draw_text (CjmPresenter   *self,
           cairo_t        *cr,
           const char     *text,
           double          px,
           gboolean        bold,
           const double    color[3],
           double          x,
           double          y,
           double          width,
           int             max_lines)
{
  g_autoptr(PangoLayout) layout = make_text (self, cr, text, px, bold, width);
  int height = 0;

  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_set_source_rgb (cr, color[0], color[1], color[2]);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return height;
}

static const char *
field (CjmItem  *item,
       CjmField  id)
{
  const char *text = item != NULL ? cjm_item_get_field (item, id) : NULL;

  return text != NULL ? text : "";
}

static void
draw_title_page (CjmPresenter *self,
                 cairo_t      *cr,
                 double        width,
                 double        height)
{
  CjmItem *map = cjm_document_get_map (self->document);
  const char *title = field (map, CJM_FIELD_TITLE);
  double margin = width / 12;
  double text_width = width - 2 * margin;
  double y = height * 0.28;
  double h;
  GPtrArray *personas = cjm_document_get_items (self->document, CJM_KIND_PERSONA);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *stages = NULL;

  if (*title == '\0')
    title = cjm_labels_gettext (labels (self), "Untitled journey");
  h = draw_text (self, cr, title, height / 10, TRUE, ink, margin, y, text_width, 3);
  set_heading (self, title, (int) h);
  y += h + height / 30;
  h = draw_text (self, cr, field (map, CJM_FIELD_DESCRIPTION), height / 32, FALSE, muted,
                 margin, y, text_width, 4);
  y += h + height / 20;

  for (guint i = 0; i < personas->len; i++)
    {
      if (names->len > 0)
        /* Translators: the separator between the names of personas */
        g_string_append (names, cjm_labels_gettext (labels (self), ", "));
      g_string_append (names, cjm_item_get_display_text (g_ptr_array_index (personas, i)));
    }
  if (names->len > 0)
    {
      h = draw_text (self, cr, names->str, height / 28, TRUE, ink, margin, y, text_width, 2);
      y += h + height / 60;
    }
  stages = g_strdup_printf (cjm_labels_ngettext (labels (self), "%u stage", "%u stages",
                                                 n_stages (self)),
                            n_stages (self));
  set_label (self, stages);
  draw_text (self, cr, stages, height / 36, FALSE, muted, margin, y, text_width, 1);
  if (*field (map, CJM_FIELD_AUTHOR) != '\0')
    draw_text (self, cr, field (map, CJM_FIELD_AUTHOR), height / 40, FALSE, muted, margin,
               height - margin, text_width, 1);
}

/* The stage whose column holds map x @x, or -1. */
static int
stage_at (CjmPresenter *self,
          double        x)
{
  for (guint i = 0; i < n_stages (self); i++)
    {
      const CjmLayoutStage *stage = cjm_layout_get_stage (self->layout, i);

      if (x >= stage->column.x && x < stage->column.x + stage->column.width)
        return (int) i;
    }
  return -1;
}

/* Where @point goes in the strip; FALSE when its stage is not shown yet. */
static gboolean
place_point (CjmPresenter         *self,
             const CjmLayoutPoint *point,
             guint                 upto,
             const CjmRect        *band,
             double                x,
             double                y,
             double                sx,
             double                plot_height,
             double                radius,
             double               *px,
             double               *py)
{
  int stage = stage_at (self, point->x);

  *px = x + (point->x - band->x) * sx;
  *py = y + plot_height / 2 - point->emotion * (plot_height / 2 - radius) / 3.0;
  return stage >= 0 && stage < (int) upto;
}

/* The emotion curves of every persona through the stages up to @upto,
 * in the strip (x, y, width, height); the stage axis runs in the map's
 * direction as the layout lays it out. */
static void
draw_curve_strip (CjmPresenter *self,
                  cairo_t      *cr,
                  guint         upto,
                  double        x,
                  double        y,
                  double        width,
                  double        height)
{
  CjmRect band;
  double label_height = height / 5;
  double plot_height = height - label_height;
  double sx;

  cjm_layout_get_stage_band (self->layout, &band);
  if (band.width <= 0 || n_stages (self) == 0)
    return;
  sx = width / band.width;

  /* The neutral line and each stage's name under its span. */
  cairo_set_source_rgba (cr, muted[0], muted[1], muted[2], 0.5);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, y + plot_height / 2);
  cairo_line_to (cr, x + width, y + plot_height / 2);
  cairo_stroke (cr);
  for (guint i = 0; i < n_stages (self); i++)
    {
      const CjmLayoutStage *stage = cjm_layout_get_stage (self->layout, i);
      double cx = x + (stage->column.x - band.x) * sx;
      const double *color = i + 1 == upto ? ink : muted;

      if (i > 0)
        {
          cairo_set_source_rgba (cr, muted[0], muted[1], muted[2], 0.25);
          cairo_move_to (cr, is_rtl (self) ? cx + stage->column.width * sx : cx, y);
          cairo_line_to (cr, is_rtl (self) ? cx + stage->column.width * sx : cx, y + plot_height);
          cairo_stroke (cr);
        }
      draw_text (self, cr, cjm_item_get_display_text (stage->item), label_height * 0.45,
                 i + 1 == upto, color, cx + 6, y + plot_height + label_height * 0.15,
                 stage->column.width * sx - 12, 1);
    }

  for (guint c = 0; c < cjm_layout_get_n_curves (self->layout); c++)
    {
      const CjmLayoutCurve *curve = cjm_layout_get_curve (self->layout, c);
      gboolean started = FALSE;
      double radius = MIN (plot_height / 14, 18);

      if (curve->target)
        continue;
      cairo_set_source_rgb (cr, curve->color.red, curve->color.green, curve->color.blue);
      cairo_set_line_width (cr, MAX (3, height / 80));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint p = 0; p < curve->n_points; p++)
        {
          double px, py;

          if (!place_point (self, &curve->points[p], upto, &band, x, y, sx, plot_height, radius,
                            &px, &py))
            continue;
          if (!started)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
          started = TRUE;
        }
      cairo_stroke (cr);
      for (guint p = 0; p < curve->n_points; p++)
        {
          double px, py;

          if (place_point (self, &curve->points[p], upto, &band, x, y, sx, plot_height, radius,
                           &px, &py))
            cjm_render_draw_face (cr, px, py, radius, curve->points[p].emotion);
        }
    }
}

static void
draw_stage_page (CjmPresenter *self,
                 cairo_t      *cr,
                 guint         index,
                 double        width,
                 double        height)
{
  const CjmLayoutStage *stage = cjm_layout_get_stage (self->layout, index);
  const char *name = cjm_item_get_display_text (stage->item);
  double margin = width / 20;
  double text_width = width - 2 * margin;
  double y = margin * 0.8;
  double h;
  double body_top, body_bottom, column_width, cx, cy;
  guint column = 0;
  const guint n_columns = 3;
  /* Translators: "Stage 3 of 5" on a presentation slide */
  g_autofree char *counter = g_strdup_printf (cjm_labels_gettext (labels (self), "Stage %u of %u"),
                                              index + 1, n_stages (self));

  set_label (self, counter);
  y += draw_text (self, cr, counter, height / 40, FALSE, muted, margin, y, text_width, 1);
  h = draw_text (self, cr, name, height / 12, TRUE, ink, margin, y, text_width, 2);
  set_heading (self, name, (int) h);
  y += h;
  if (*field (stage->item, CJM_FIELD_GOAL) != '\0')
    y += draw_text (self, cr, field (stage->item, CJM_FIELD_GOAL), height / 30, FALSE, muted,
                    margin, y, text_width, 2);

  /* The cards of this stage, lane by lane, in columns. */
  body_top = y + height / 30;
  body_bottom = height * 0.66;
  column_width = (text_width - (n_columns - 1) * margin / 2) / n_columns;
  cy = body_top;
  for (guint l = 0; l < cjm_layout_get_n_lanes (self->layout); l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (self->layout, l);
      const CjmLayoutCell *cell = cjm_layout_get_cell (self->layout, index, l);
      CjmColor accent;
      double accent_rgb[3];
      double block;

      if (lane->kind == CJM_LANE_EMOTION || cell == NULL || cell->n_cards == 0)
        continue;
      if (cy > body_bottom - height / 10 && column + 1 < n_columns)
        {
          column++;
          cy = body_top;
        }
      else if (cy > body_bottom - height / 10)
        break;
      cx = margin + column * (column_width + margin / 2);
      if (is_rtl (self))
        cx = width - cx - column_width;

      cjm_render_get_lane_accent (lane->kind, field (lane->item, CJM_FIELD_CHANNEL), &accent);
      accent_rgb[0] = accent.red * 0.8;
      accent_rgb[1] = accent.green * 0.8;
      accent_rgb[2] = accent.blue * 0.8;
      block = draw_text (self, cr, cjm_item_get_display_text (lane->item), height / 42, TRUE,
                         accent_rgb, cx, cy, column_width, 1);
      cy += block + height / 200;
      for (guint c = 0; c < cell->n_cards && cy < body_bottom; c++)
        {
          const CjmLayoutCard *card = cjm_layout_get_card (self->layout, cell->first_card + c);
          /* Translators: a bullet before a card's title on a slide */
          g_autofree char *line = g_strdup_printf (cjm_labels_gettext (labels (self), "• %s"),
                                                   cjm_item_get_display_text (card->item));

          cy += draw_text (self, cr, line, height / 34, FALSE, ink, cx, cy, column_width, 2);
        }
      cy += height / 40;
    }

  draw_curve_strip (self, cr, index + 1, margin, height * 0.70, text_width,
                    height * 0.30 - margin * 0.6);
}

static void
draw_map_page (CjmPresenter *self,
               cairo_t      *cr,
               double        width,
               double        height)
{
  CjmRenderOptions options;
  double map_width, map_height, scale;
  double margin = MIN (width, height) / 30;

  cjm_layout_get_size (self->layout, &map_width, &map_height);
  if (map_width <= 0 || map_height <= 0)
    return;
  scale = MIN ((width - 2 * margin) / map_width, (height - 2 * margin) / map_height);
  cairo_save (cr);
  cairo_translate (cr, (width - map_width * scale) / 2, (height - map_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, map_width, map_height);
  cairo_clip (cr);
  cjm_render_options_init (&options);
  options.draw_background = TRUE;
  options.draw_findings = FALSE;
  options.print = TRUE;
  cjm_render_draw (self->layout, self->document, cr, &options);
  cairo_restore (cr);
  set_heading (self, field (cjm_document_get_map (self->document), CJM_FIELD_TITLE), 0);
  set_label (self, NULL);
}

/* Callbacks */

static void
on_area_draw (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  CjmPresenter *self = data;

  cairo_set_source_rgb (cr, paper[0], paper[1], paper[2]);
  cairo_paint (cr);
  if (self->page == 0)
    draw_title_page (self, cr, width, height);
  else if (self->page <= n_stages (self))
    draw_stage_page (self, cr, self->page - 1, width, height);
  else
    draw_map_page (self, cr, width, height);
}

static void
on_document_changed (CjmDocument  *document,
                     gpointer      change,
                     CjmPresenter *self)
{
  cjm_layout_update (self->layout);
  cjm_presenter_set_page (self, MIN (self->page, cjm_presenter_get_n_pages (self) - 1));
  gtk_widget_queue_draw (self->area);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CjmPresenter          *self)
{
  int forward = is_rtl (self) ? -1 : 1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step (self, forward);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step (self, -forward);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->typed->len > 0)
        jump_to_typed (self);
      else
        step (self, 1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_n:
      step (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p:
      step (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      cjm_presenter_set_page (self, 0);
      return TRUE;
    case GDK_KEY_End:
      cjm_presenter_set_page (self, cjm_presenter_get_n_pages (self) - 1);
      return TRUE;
    default:
      break;
    }

  if (gdk_keyval_to_unicode (keyval) >= '0' && gdk_keyval_to_unicode (keyval) <= '9')
    {
      g_string_append_c (self->typed, (char) gdk_keyval_to_unicode (keyval));
      g_clear_handle_id (&self->jump_id, g_source_remove);
      self->jump_id = g_timeout_add (JUMP_DELAY_MS, jump_timeout_cb, self);
      return TRUE;
    }
  return FALSE;
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  CjmPresenter    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  step (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

/* Vfuncs */

static void
cjm_presenter_dispose (GObject *object)
{
  CjmPresenter *self = CJM_PRESENTER (object);

  g_clear_handle_id (&self->jump_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (cjm_presenter_parent_class)->dispose (object);
}

static void
cjm_presenter_finalize (GObject *object)
{
  CjmPresenter *self = CJM_PRESENTER (object);

  g_string_free (self->typed, TRUE);
  g_free (self->heading);
  g_free (self->label);
  G_OBJECT_CLASS (cjm_presenter_parent_class)->finalize (object);
}

static void
cjm_presenter_class_init (CjmPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cjm_presenter_dispose;
  object_class->finalize = cjm_presenter_finalize;
}

static void
cjm_presenter_init (CjmPresenter *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->typed = g_string_new (NULL);
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), on_area_draw, self, NULL);
  gtk_window_set_child (GTK_WINDOW (self), self->area);
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed), self, 0);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));
}

/* Public API */

CjmPresenter *
cjm_presenter_new (GtkWindow   *parent,
                   CjmDocument *document)
{
  CjmPresenter *self;
  CjmLayoutOptions options;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  self = g_object_new (CJM_TYPE_PRESENTER, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->document = g_object_ref (document);
  cjm_layout_options_init (&options);
  options.pango_context = gtk_widget_get_pango_context (self->area);
  options.show_findings = FALSE;
  self->layout = cjm_layout_new (document, &options);
  g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  gtk_widget_set_direction (self->area, cjm_layout_is_rtl (self->layout) ? GTK_TEXT_DIR_RTL
                                                                         : GTK_TEXT_DIR_LTR);
  /* The monitor's size too: without a window manager (a bare X server)
   * fullscreen is only a request. */
  {
    GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
    GdkSurface *surface = parent ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
    GdkMonitor *monitor = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
    GdkRectangle geometry;

    if (monitor != NULL)
      {
        gdk_monitor_get_geometry (monitor, &geometry);
        gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
        gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
      }
    else
      gtk_window_fullscreen (GTK_WINDOW (self));
  }
  return self;
}

guint
cjm_presenter_get_n_pages (CjmPresenter *self)
{
  g_return_val_if_fail (CJM_IS_PRESENTER (self), 0);
  return n_stages (self) + 2;
}

guint
cjm_presenter_get_page (CjmPresenter *self)
{
  g_return_val_if_fail (CJM_IS_PRESENTER (self), 0);
  return self->page;
}

void
cjm_presenter_set_page (CjmPresenter *self,
                        guint         page)
{
  g_return_if_fail (CJM_IS_PRESENTER (self));

  page = MIN (page, cjm_presenter_get_n_pages (self) - 1);
  if (page == self->page)
    return;
  self->page = page;
  gtk_widget_queue_draw (self->area);
}

int
cjm_presenter_get_heading_height (CjmPresenter *self)
{
  g_return_val_if_fail (CJM_IS_PRESENTER (self), 0);
  return self->heading_height;
}

const char *
cjm_presenter_get_heading (CjmPresenter *self)
{
  g_return_val_if_fail (CJM_IS_PRESENTER (self), NULL);
  return self->heading;
}

const char *
cjm_presenter_get_label (CjmPresenter *self)
{
  g_return_val_if_fail (CJM_IS_PRESENTER (self), NULL);
  return self->label;
}
