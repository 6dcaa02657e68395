/* cjm-layout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map is laid out left to right, then mirrored when the map is
 * right-to-left: every rectangle is computed in "logical" coordinates
 * (x growing from the start edge) and flipped at the end, so there is one
 * algorithm for both directions.
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cjm-finding.h"
#include "cjm-layout-private.h"

G_DEFINE_FINAL_TYPE (CjmLayout, cjm_layout, G_TYPE_OBJECT)

static void layout_clear (CjmLayout *self);
static void layout_build (CjmLayout *self);

/* Findings */

static void
count_findings (CjmLayout *self,
                GPtrArray *findings)
{
  g_hash_table_remove_all (self->findings);
  if (findings == NULL)
    return;

  for (guint i = 0; i < findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (findings, i);
      const char * const *targets;

      if (cjm_finding_get_suppressed (finding))
        continue;
      targets = cjm_finding_get_targets (finding);
      for (guint j = 0; targets != NULL && targets[j] != NULL; j++)
        {
          CjmFindingCount *fc = g_hash_table_lookup (self->findings, targets[j]);

          if (fc == NULL)
            {
              fc = g_new0 (CjmFindingCount, 1);
              fc->severity = -1;
              g_hash_table_insert (self->findings, g_strdup (targets[j]), fc);
            }
          fc->count++;
          fc->severity = MAX (fc->severity, (int) cjm_finding_get_severity (finding));
        }
    }
}

guint
cjm_layout_get_findings_for (CjmLayout  *self,
                             const char *id,
                             int        *severity)
{
  CjmFindingCount *fc = id ? g_hash_table_lookup (self->findings, id) : NULL;

  if (severity)
    *severity = fc ? fc->severity : -1;
  return fc ? fc->count : 0;
}

/* GObject */

static void
cjm_layout_finalize (GObject *object)
{
  CjmLayout *self = (CjmLayout *) object;

  layout_clear (self);
  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->cards, g_array_unref);
  g_clear_pointer (&self->curves, g_array_unref);
  g_clear_pointer (&self->unset_points, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->card_index, g_hash_table_unref);
  g_clear_pointer (&self->header_index, g_hash_table_unref);
  g_clear_pointer (&self->text_cache, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  for (guint i = 0; i < CJM_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cjm_layout_parent_class)->finalize (object);
}

static void
cjm_layout_class_init (CjmLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cjm_layout_finalize;
}

static void
cjm_layout_init (CjmLayout *self)
{
  self->stages = g_array_new (FALSE, TRUE, sizeof (CjmLayoutStage));
  self->lanes = g_array_new (FALSE, TRUE, sizeof (CjmLayoutLane));
  self->cells = g_array_new (FALSE, TRUE, sizeof (CjmLayoutCell));
  self->cards = g_array_new (FALSE, TRUE, sizeof (CjmLayoutCard));
  self->curves = g_array_new (FALSE, TRUE, sizeof (CjmLayoutCurve));
  self->unset_points = g_array_new (FALSE, TRUE, sizeof (CjmLayoutUnsetPoint));
  self->links = g_array_new (FALSE, TRUE, sizeof (CjmLayoutLink));
  self->card_index = g_hash_table_new (NULL, NULL);
  self->header_index = g_hash_table_new (NULL, NULL);
  self->text_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->card_width = CJM_LAYOUT_DEFAULT_CARD_WIDTH;
  self->rtl_option = -1;
}

/* Building */

static void
layout_clear (CjmLayout *self)
{
  for (guint i = 0; i < self->curves->len; i++)
    g_free (g_array_index (self->curves, CjmLayoutCurve, i).points);
  g_array_set_size (self->stages, 0);
  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->cards, 0);
  g_array_set_size (self->curves, 0);
  g_array_set_size (self->unset_points, 0);
  g_array_set_size (self->links, 0);
  g_hash_table_remove_all (self->card_index);
  g_hash_table_remove_all (self->header_index);
  self->n_placed = 0;
  self->has_unplaced = FALSE;
  self->unplaced = (CjmRect) { 0, 0, 0, 0 };
  self->legend = (CjmRect) { 0, 0, 0, 0 };
}

double
cjm_layout_card_title_width (CjmLayout *self,
                             CjmItem   *item)
{
  double w = self->card_width - 2 * CJM_M_CARD_PAD - CJM_M_CARD_STRIPE;

  if (cjm_item_get_kind (item) == CJM_KIND_TOUCHPOINT)
    w -= CJM_M_FACE_SIZE + 6;
  return MAX (w, 20);
}

char *
cjm_layout_dup_card_meta (CjmLayout *self,
                          CjmItem   *item,
                          CjmItem   *lane)
{
  GString *s = g_string_new (NULL);
  const char *owner = cjm_item_get_field (item, CJM_FIELD_OWNER);

  switch (cjm_item_get_kind (item))
    {
    case CJM_KIND_TOUCHPOINT:
      {
        const char *third = cjm_item_get_field (item, CJM_FIELD_THIRD_PARTY);

        if ((owner == NULL || *owner == '\0') && lane != NULL)
          owner = cjm_item_get_field (lane, CJM_FIELD_OWNER);
        if (owner != NULL && *owner != '\0')
          g_string_append (s, owner);
        if (third != NULL && *third != '\0')
          {
            if (s->len > 0)
              g_string_append (s, " · ");
            /* Translators: a touchpoint run by a third party */
            g_string_append_printf (s, cjm_labels_gettext (self->labels, "via %s"), third);
          }
      }
      break;

    case CJM_KIND_OPPORTUNITY:
      {
        int impact = cjm_item_get_int_field (item, CJM_FIELD_IMPACT, 1, 5, 0);
        int effort = cjm_item_get_int_field (item, CJM_FIELD_EFFORT, 1, 5, 0);

        if (impact > 0)
          g_string_append_printf (s, cjm_labels_gettext (self->labels, "Impact %d"), impact);
        if (effort > 0)
          {
            if (s->len > 0)
              g_string_append (s, " · ");
            g_string_append_printf (s, cjm_labels_gettext (self->labels, "Effort %d"), effort);
          }
        if (owner != NULL && *owner != '\0')
          {
            if (s->len > 0)
              g_string_append (s, " · ");
            g_string_append (s, owner);
          }
      }
      break;

    default:
      break;
    }

  return g_string_free (s, FALSE);
}

static gboolean
card_has_marks (CjmItem *item)
{
  const char *evidence;

  if (cjm_item_get_kind (item) != CJM_KIND_TOUCHPOINT)
    return FALSE;
  evidence = cjm_item_get_field (item, CJM_FIELD_EVIDENCE);
  return cjm_item_get_bool_field (item, CJM_FIELD_MOMENT_OF_TRUTH, FALSE) ||
         (evidence != NULL && *evidence != '\0');
}

/* Sizes the card for item (logical coordinates, origin at 0,0). */
static void
measure_card (CjmLayout     *self,
              CjmLayoutCard *card,
              CjmItem       *lane)
{
  CjmItem *item = card->item;
  CjmKind kind = cjm_item_get_kind (item);
  double title_w = cjm_layout_card_title_width (self, item);
  double small = self->line_height[CJM_FONT_SMALL];
  double title_h, y;
  g_autofree char *meta = NULL;
  const char *text = cjm_item_get_display_text (item);
  CjmFont font = kind == CJM_KIND_NOTE ? CJM_FONT_NOTE : CJM_FONT_CARD_TITLE;
  int max_lines = kind == CJM_KIND_NOTE ? CJM_M_NOTE_LINES : CJM_M_TITLE_LINES;
  PangoLayout *layout;

  if (text == NULL || *text == '\0')
    text = cjm_item_get_id (item) ? cjm_item_get_id (item) : "";

  layout = cjm_layout_get_text (self, font, text, title_w, max_lines, 0);
  cjm_layout_measure_text (self, font, text, title_w, max_lines, 0, NULL, &title_h);
  card->title_lines = pango_layout_get_line_count (layout);
  title_h = MAX (title_h, self->line_height[font]);

  card->title = (CjmRect) { CJM_M_CARD_STRIPE + CJM_M_CARD_PAD, CJM_M_CARD_PAD, title_w, title_h };
  y = CJM_M_CARD_PAD + title_h;

  meta = cjm_layout_dup_card_meta (self, item, lane);
  if (*meta != '\0' || card_has_marks (item))
    y += CJM_M_SECTION_GAP + small;

  if (kind == CJM_KIND_TOUCHPOINT)
    {
      GPtrArray *facts = cjm_item_get_list (item, CJM_LIST_FACTS);
      GPtrArray *kpis = cjm_item_get_list (item, CJM_LIST_KPIS);
      guint nf = facts ? facts->len : 0;
      guint nk = kpis ? kpis->len : 0;
      guint lines;

      card->n_facts = MIN (nf, CJM_M_MAX_FACTS);
      card->n_kpis = MIN (nk, CJM_M_MAX_KPIS);
      lines = card->n_facts + card->n_kpis + ((nf > card->n_facts || nk > card->n_kpis) ? 1 : 0);
      if (lines > 0)
        y += CJM_M_SECTION_GAP + 3 + lines * small;
    }

  y += CJM_M_CARD_PAD;
  card->rect = (CjmRect) { 0, 0, self->card_width, MAX (y, CJM_M_CARD_MIN_HEIGHT) };
}

/* Moves a card (and everything inside it) by dx, dy. */
static void
card_translate (CjmLayoutCard *card,
                double         dx,
                double         dy)
{
  /* the title box stays relative to the card until the end */
  card->rect.x += dx;
  card->rect.y += dy;
}

static double
mirror_x (CjmLayout *self,
          double     x,
          double     width)
{
  return self->width - x - width;
}

static void
mirror_rect (CjmLayout *self,
             CjmRect   *rect)
{
  if (rect->width > 0 || rect->height > 0)
    rect->x = mirror_x (self, rect->x, rect->width);
}

/* After the grid is placed (physical coordinates): handle and badge. */
static void
card_finish (CjmLayout     *self,
             CjmLayoutCard *card)
{
  CjmRect *r = &card->rect;
  double end_x = self->rtl ? r->x : r->x + r->width;
  double badge_x;

  card->handle = (CjmPoint) { end_x, r->y + r->height / 2 };

  card->n_findings = cjm_layout_get_findings_for (self, cjm_item_get_id (card->item), &card->severity);
  if (self->show_findings && card->n_findings > 0)
    {
      badge_x = self->rtl ? r->x - 6 : r->x + r->width - CJM_M_BADGE_SIZE + 6;
      card->badge = (CjmRect) { badge_x, r->y - 6, CJM_M_BADGE_SIZE, CJM_M_BADGE_SIZE };
    }
  else
    card->badge = (CjmRect) { 0, 0, 0, 0 };
}

/* Lays out n cards (already measured, at the origin) in cols columns
 * starting at (x, y); returns the height used. */
static double
flow_cards (CjmLayoutCard *cards,
            guint          n,
            guint          cols,
            double         card_width,
            double         x,
            double         y)
{
  double row_y = y;

  for (guint i = 0; i < n; i += cols)
    {
      double row_h = 0;

      for (guint j = i; j < MIN (n, i + cols); j++)
        {
          double cx = x + (j - i) * (card_width + CJM_M_CARD_GAP);

          card_translate (&cards[j], cx - cards[j].rect.x, row_y - cards[j].rect.y);
          row_h = MAX (row_h, cards[j].rect.height);
        }
      /* Cards in a row share its height, so the grid reads evenly. */
      for (guint j = i; j < MIN (n, i + cols); j++)
        cards[j].rect.height = row_h;
      row_y += row_h + CJM_M_CARD_GAP;
    }

  return n > 0 ? row_y - y - CJM_M_CARD_GAP : 0;
}

static guint
columns_for (guint n_max)
{
  if (n_max <= 2)
    return 1;
  if (n_max <= 6)
    return 2;
  return 3;
}

static void
add_cards_of_kind (CjmLayout  *self,
                   CjmKind     kind,
                   GHashTable *stage_index,
                   GHashTable *lane_index,
                   GPtrArray **cell_cards,
                   GPtrArray  *unplaced)
{
  GPtrArray *items = cjm_document_get_items (self->document, kind);
  guint n_stages = self->stages->len;

  for (guint i = 0; i < items->len; i++)
    {
      CjmItem *item = g_ptr_array_index (items, i);
      const char *sid = cjm_item_get_field (item, CJM_FIELD_STAGE);
      const char *lid = cjm_item_get_field (item, CJM_FIELD_LANE);
      gpointer s = sid ? g_hash_table_lookup (stage_index, sid) : NULL;
      gpointer l = lid ? g_hash_table_lookup (lane_index, lid) : NULL;

      if (s != NULL && l != NULL)
        g_ptr_array_add (cell_cards[(GPOINTER_TO_UINT (l) - 1) * n_stages + GPOINTER_TO_UINT (s) - 1], item);
      else
        g_ptr_array_add (unplaced, item);
    }
}

static void
layout_build (CjmLayout *self)
{
  GPtrArray *stage_items = cjm_document_get_items (self->document, CJM_KIND_STAGE);
  GPtrArray *lane_items = cjm_document_get_items (self->document, CJM_KIND_LANE);
  guint n_stages = stage_items->len;
  guint n_lanes = lane_items->len;
  g_autoptr(GHashTable) stage_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) lane_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) unplaced = g_ptr_array_new ();
  g_autoptr(GPtrArray) journey = g_ptr_array_new ();
  g_autoptr(GArray) journey_stage = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) journey_x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree guint *stage_cols = NULL;
  g_autofree double *col_x = NULL;
  g_autofree double *col_w = NULL;
  g_autofree double *row_y = NULL;
  g_autofree double *row_h = NULL;
  GPtrArray **cell_cards;

  /* the map's words follow its language, which an edit may change */
  self->labels = cjm_labels_get_for_document (self->document);
  double header_h = CJM_M_STAGE_HEADER_MIN;
  double x, y, grid_w, grid_h;
  double cw = self->card_width;

  layout_clear (self);

  /* Prune the text cache when it has grown well past what the map needs
   * (texts of edited cards linger otherwise). */
  if (g_hash_table_size (self->text_cache) > 64 + 8 * (cjm_document_get_n_items (self->document, CJM_KIND_TOUCHPOINT) +
                                                      cjm_document_get_n_items (self->document, CJM_KIND_NOTE) +
                                                      cjm_document_get_n_items (self->document, CJM_KIND_OPPORTUNITY) +
                                                      cjm_document_get_n_items (self->document, CJM_KIND_LINK) + 100))
    g_hash_table_remove_all (self->text_cache);

  for (guint s = 0; s < n_stages; s++)
    {
      CjmItem *item = g_ptr_array_index (stage_items, s);
      CjmLayoutStage st = { item, s };

      g_array_append_val (self->stages, st);
      if (cjm_item_get_id (item) && !g_hash_table_contains (stage_ids, cjm_item_get_id (item)))
        g_hash_table_insert (stage_ids, (char *) cjm_item_get_id (item), GUINT_TO_POINTER (s + 1));
      g_hash_table_insert (self->header_index, item, GUINT_TO_POINTER (s + 1));
    }
  for (guint l = 0; l < n_lanes; l++)
    {
      CjmItem *item = g_ptr_array_index (lane_items, l);
      CjmLayoutLane ln = { item, l, cjm_item_get_lane_kind (item) };

      g_array_append_val (self->lanes, ln);
      if (cjm_item_get_id (item) && !g_hash_table_contains (lane_ids, cjm_item_get_id (item)))
        g_hash_table_insert (lane_ids, (char *) cjm_item_get_id (item), GUINT_TO_POINTER (l + 1));
      g_hash_table_insert (self->header_index, item, GUINT_TO_POINTER (l + 1));
    }

  /* Which cards go where (document order inside each kind). */
  cell_cards = g_new0 (GPtrArray *, MAX (n_stages * n_lanes, 1));
  for (guint c = 0; c < n_stages * n_lanes; c++)
    cell_cards[c] = g_ptr_array_new ();
  add_cards_of_kind (self, CJM_KIND_TOUCHPOINT, stage_ids, lane_ids, cell_cards, unplaced);
  add_cards_of_kind (self, CJM_KIND_NOTE, stage_ids, lane_ids, cell_cards, unplaced);
  add_cards_of_kind (self, CJM_KIND_OPPORTUNITY, stage_ids, lane_ids, cell_cards, unplaced);

  /* Columns: as many card columns as the fullest cell of the stage needs. */
  stage_cols = g_new0 (guint, MAX (n_stages, 1));
  col_x = g_new0 (double, MAX (n_stages, 1));
  col_w = g_new0 (double, MAX (n_stages, 1));
  x = CJM_M_LANE_HEADER_WIDTH;
  for (guint s = 0; s < n_stages; s++)
    {
      guint n_max = 0;

      for (guint l = 0; l < n_lanes; l++)
        n_max = MAX (n_max, cell_cards[l * n_stages + s]->len);
      stage_cols[s] = columns_for (n_max);
      col_w[s] = 2 * CJM_M_STAGE_PAD + stage_cols[s] * cw + (stage_cols[s] - 1) * CJM_M_CARD_GAP;
      col_x[s] = x;
      x += col_w[s];
    }
  grid_w = x;

  /* The stage header row grows to the tallest name and goal. */
  for (guint s = 0; s < n_stages; s++)
    {
      CjmItem *item = g_ptr_array_index (stage_items, s);
      const char *goal = cjm_item_get_field (item, CJM_FIELD_GOAL);
      double tw = col_w[s] - 2 * CJM_M_HEADER_PAD;
      double nh, gh = 0;

      cjm_layout_measure_text (self, CJM_FONT_STAGE, cjm_item_get_display_text (item), tw, 2, 0, NULL, &nh);
      if (goal != NULL && *goal != '\0')
        cjm_layout_measure_text (self, CJM_FONT_GOAL, goal, tw - 18, 3, 0, NULL, &gh);
      header_h = MAX (header_h, CJM_M_HEADER_PAD + 18 + nh + (gh > 0 ? 6 + gh : 0) + CJM_M_HEADER_PAD);
    }

  /* Cards: measure, then flow inside their cells; rows grow to fit. */
  row_y = g_new0 (double, MAX (n_lanes, 1));
  row_h = g_new0 (double, MAX (n_lanes, 1));
  y = header_h;
  for (guint l = 0; l < n_lanes; l++)
    {
      CjmLayoutLane *lane = &g_array_index (self->lanes, CjmLayoutLane, l);
      double top = lane->kind == CJM_LANE_EMOTION ? CJM_M_EMOTION_HEIGHT : CJM_M_STAGE_PAD;
      double h = lane->kind == CJM_LANE_EMOTION ? CJM_M_EMOTION_HEIGHT : CJM_M_MIN_CELL_HEIGHT;
      double name_h, lh;
      const char *owner = cjm_item_get_field (lane->item, CJM_FIELD_OWNER);

      cjm_layout_measure_text (self, CJM_FONT_LANE, cjm_item_get_display_text (lane->item),
                               CJM_M_LANE_HEADER_WIDTH - 2 * CJM_M_HEADER_PAD - 30, 3, 0, NULL, &name_h);
      lh = 2 * CJM_M_HEADER_PAD + name_h;
      if (owner != NULL && *owner != '\0')
        lh += 4 + self->line_height[CJM_FONT_SMALL];
      h = MAX (h, lh);

      for (guint s = 0; s < n_stages; s++)
        {
          GPtrArray *items = cell_cards[l * n_stages + s];
          CjmLayoutCell cell = { 0 };
          double used;

          cell.stage = g_ptr_array_index (stage_items, s);
          cell.lane = lane->item;
          cell.stage_index = s;
          cell.lane_index = l;
          cell.first_card = self->cards->len;
          cell.n_cards = items->len;

          for (guint i = 0; i < items->len; i++)
            {
              CjmLayoutCard card = { 0 };

              card.item = g_ptr_array_index (items, i);
              card.stage = cell.stage;
              card.lane = cell.lane;
              card.cell = l * n_stages + s;
              card.index_in_cell = i;
              card.severity = -1;
              measure_card (self, &card, lane->item);
              g_array_append_val (self->cards, card);
            }
          used = flow_cards (&g_array_index (self->cards, CjmLayoutCard, cell.first_card), cell.n_cards,
                             stage_cols[s], cw, col_x[s] + CJM_M_STAGE_PAD, y + top);
          if (cell.n_cards > 0)
            h = MAX (h, top + used + CJM_M_STAGE_PAD);
          g_array_append_val (self->cells, cell);
        }

      row_y[l] = y;
      row_h[l] = h;
      lane->header = (CjmRect) { 0, y, CJM_M_LANE_HEADER_WIDTH, h };
      lane->row = (CjmRect) { 0, y, grid_w, h };
      y += h;
    }
  grid_h = y;
  self->n_placed = self->cards->len;

  for (guint s = 0; s < n_stages; s++)
    {
      CjmLayoutStage *st = &g_array_index (self->stages, CjmLayoutStage, s);

      st->header = (CjmRect) { col_x[s], 0, col_w[s], header_h };
      st->column = (CjmRect) { col_x[s], 0, col_w[s], grid_h };
    }
  for (guint c = 0; c < self->cells->len; c++)
    {
      CjmLayoutCell *cell = &g_array_index (self->cells, CjmLayoutCell, c);

      cell->rect = (CjmRect) { col_x[cell->stage_index], row_y[cell->lane_index],
                               col_w[cell->stage_index], row_h[cell->lane_index] };
    }

  self->grid = (CjmRect) { 0, 0, grid_w, grid_h };
  self->corner = (CjmRect) { 0, 0, CJM_M_LANE_HEADER_WIDTH, header_h };
  self->stage_band = (CjmRect) { CJM_M_LANE_HEADER_WIDTH, 0, grid_w - CJM_M_LANE_HEADER_WIDTH, header_h };
  self->lane_band = (CjmRect) { 0, header_h, CJM_M_LANE_HEADER_WIDTH, grid_h - header_h };
  self->width = grid_w;
  y = grid_h;

  /* The "Unplaced" area: cards whose stage or lane is missing. */
  if (unplaced->len > 0)
    {
      guint per_row = MAX (1, (guint) ((grid_w - 2 * CJM_M_STAGE_PAD + CJM_M_CARD_GAP) / (cw + CJM_M_CARD_GAP)));
      guint first = self->cards->len;
      double used;

      for (guint i = 0; i < unplaced->len; i++)
        {
          CjmLayoutCard card = { 0 };

          card.item = g_ptr_array_index (unplaced, i);
          card.cell = -1;
          card.index_in_cell = i;
          card.unplaced = TRUE;
          card.severity = -1;
          measure_card (self, &card, NULL);
          g_array_append_val (self->cards, card);
        }
      y += CJM_M_STAGE_PAD;
      used = flow_cards (&g_array_index (self->cards, CjmLayoutCard, first), unplaced->len, per_row, cw,
                         CJM_M_STAGE_PAD, y + CJM_M_UNPLACED_TITLE);
      self->width = MAX (self->width, 2 * CJM_M_STAGE_PAD + MIN (per_row, unplaced->len) * (cw + CJM_M_CARD_GAP));
      self->unplaced = (CjmRect) { 0, y, self->width, CJM_M_UNPLACED_TITLE + used + CJM_M_STAGE_PAD };
      self->has_unplaced = TRUE;
      y += self->unplaced.height;
    }

  self->height = y;

  /* Mirror for right-to-left maps. */
  if (self->rtl)
    {
      for (guint s = 0; s < n_stages; s++)
        {
          CjmLayoutStage *st = &g_array_index (self->stages, CjmLayoutStage, s);

          mirror_rect (self, &st->header);
          mirror_rect (self, &st->column);
        }
      for (guint l = 0; l < n_lanes; l++)
        {
          CjmLayoutLane *lane = &g_array_index (self->lanes, CjmLayoutLane, l);

          mirror_rect (self, &lane->header);
          mirror_rect (self, &lane->row);
        }
      for (guint c = 0; c < self->cells->len; c++)
        mirror_rect (self, &g_array_index (self->cells, CjmLayoutCell, c).rect);
      for (guint i = 0; i < self->cards->len; i++)
        {
          CjmLayoutCard *card = &g_array_index (self->cards, CjmLayoutCard, i);
          double title_offset = card->title.x;

          mirror_rect (self, &card->rect);
          /* the title keeps its distance from the card's start (right) edge */
          card->title.x = card->rect.x + card->rect.width - title_offset - card->title.width;
        }
      mirror_rect (self, &self->grid);
      mirror_rect (self, &self->corner);
      mirror_rect (self, &self->stage_band);
      mirror_rect (self, &self->lane_band);
      mirror_rect (self, &self->unplaced);
    }
  else
    {
      for (guint i = 0; i < self->cards->len; i++)
        {
          CjmLayoutCard *card = &g_array_index (self->cards, CjmLayoutCard, i);

          card->title.x += card->rect.x;
        }
    }

  for (guint i = 0; i < self->cards->len; i++)
    {
      CjmLayoutCard *card = &g_array_index (self->cards, CjmLayoutCard, i);

      card->title.y += card->rect.y;
      card_finish (self, card);
      g_hash_table_insert (self->card_index, card->item, GUINT_TO_POINTER (i + 1));
    }

  /* Stage goals sit under the stage name. */
  for (guint s = 0; s < n_stages; s++)
    {
      CjmLayoutStage *st = &g_array_index (self->stages, CjmLayoutStage, s);
      const char *goal = cjm_item_get_field (st->item, CJM_FIELD_GOAL);
      double tw = st->header.width - 2 * CJM_M_HEADER_PAD;
      double nh, gh;

      if (goal == NULL || *goal == '\0')
        continue;
      cjm_layout_measure_text (self, CJM_FONT_STAGE, cjm_item_get_display_text (st->item), tw, 2, 0, NULL, &nh);
      cjm_layout_measure_text (self, CJM_FONT_GOAL, goal, tw - 18, 3, 0, NULL, &gh);
      st->goal = (CjmRect) { st->header.x + CJM_M_HEADER_PAD, CJM_M_HEADER_PAD + 18 + nh + 6, tw, gh };
    }

  /* Journey order: stage order, then lane order, then order in the cell. */
  for (guint s = 0; s < n_stages; s++)
    for (guint l = 0; l < n_lanes; l++)
      {
        const CjmLayoutCell *cell = &g_array_index (self->cells, CjmLayoutCell, l * n_stages + s);

        for (guint i = 0; i < cell->n_cards; i++)
          {
            CjmItem *item = g_array_index (self->cards, CjmLayoutCard, cell->first_card + i).item;

            /* Those without an emotion too: they are hollow points. */
            if (cjm_item_get_kind (item) != CJM_KIND_TOUCHPOINT)
              continue;
            g_ptr_array_add (journey, item);
            g_array_append_val (journey_stage, s);
          }
      }
  /* Points spread evenly across their stage's column. */
  for (guint i = 0; i < journey->len;)
    {
      guint s = g_array_index (journey_stage, guint, i);
      const CjmLayoutStage *st = &g_array_index (self->stages, CjmLayoutStage, s);
      guint j = i;
      double inner = st->column.width - 2 * CJM_M_STAGE_PAD;

      while (j < journey->len && g_array_index (journey_stage, guint, j) == s)
        j++;
      for (guint k = i; k < j; k++)
        {
          double lx = CJM_M_STAGE_PAD + (k - i + 0.5) * inner / (j - i);
          double px = self->rtl ? st->column.x + st->column.width - lx : st->column.x + lx;

          g_array_append_val (journey_x, px);
        }
      i = j;
    }
  cjm_layout_build_curves (self, journey, journey_x);

  cjm_layout_build_links (self);

  if (self->show_legend)
    {
      double lh = cjm_layout_measure_legend (self, self->width - 2 * CJM_M_LEGEND_PAD);

      self->legend = (CjmRect) { 0, self->height, self->width, lh + 2 * CJM_M_LEGEND_PAD };
      self->height += self->legend.height;
    }

  for (guint c = 0; c < n_stages * n_lanes; c++)
    g_ptr_array_unref (cell_cards[c]);
  g_free (cell_cards);
}

/* Public API */

void
cjm_layout_options_init (CjmLayoutOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->card_width = CJM_LAYOUT_DEFAULT_CARD_WIDTH;
  options->rtl = -1;
}

static void
apply_options (CjmLayout              *self,
               const CjmLayoutOptions *options)
{
  CjmLayoutOptions defaults;

  if (options == NULL)
    {
      cjm_layout_options_init (&defaults);
      options = &defaults;
    }

  self->card_width = options->card_width > 0 ? CLAMP (options->card_width, 120, 480)
                                             : CJM_LAYOUT_DEFAULT_CARD_WIDTH;
  self->rtl_option = options->rtl;
  self->rtl = options->rtl < 0 ? cjm_document_is_rtl (self->document) : options->rtl != 0;
  self->show_findings = options->show_findings;
  self->show_legend = options->show_legend;
  count_findings (self, options->show_findings ? options->findings : NULL);

  g_clear_object (&self->context);
  self->context = cjm_layout_make_context (options->pango_context, self->document, self->rtl);
  cjm_layout_setup_fonts (self);
}

CjmLayout *
cjm_layout_new (CjmDocument            *document,
                const CjmLayoutOptions *options)
{
  CjmLayout *self;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  self = g_object_new (CJM_TYPE_LAYOUT, NULL);
  self->document = g_object_ref (document);
  apply_options (self, options);
  layout_build (self);

  return self;
}

void
cjm_layout_update (CjmLayout *self)
{
  gboolean rtl;

  g_return_if_fail (CJM_IS_LAYOUT (self));

  /* The map's language may have changed (direction and shaping). */
  rtl = self->rtl_option < 0 ? cjm_document_is_rtl (self->document) : self->rtl_option != 0;
  if (rtl != self->rtl ||
      g_strcmp0 (pango_language_to_string (pango_context_get_language (self->context)),
                 cjm_item_get_field (cjm_document_get_map (self->document), CJM_FIELD_LANG)) != 0)
    {
      PangoContext *old = self->context;

      self->rtl = rtl;
      self->context = cjm_layout_make_context (old, self->document, self->rtl);
      g_object_unref (old);
      cjm_layout_setup_fonts (self);
    }

  layout_build (self);
}

void
cjm_layout_set_options (CjmLayout              *self,
                        const CjmLayoutOptions *options)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  apply_options (self, options);
  layout_build (self);
}

void
cjm_layout_set_findings (CjmLayout *self,
                         GPtrArray *findings)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  count_findings (self, self->show_findings ? findings : NULL);
  for (guint i = 0; i < self->cards->len; i++)
    card_finish (self, &g_array_index (self->cards, CjmLayoutCard, i));
}
