/* cjm-priority-grid.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with GSK nodes (colour, border and text nodes, no cairo), one
 * small node per cell, card and whisker: the grid has at most a few dozen
 * cards, each needs its own hit area and drag, and drawing them as nodes
 * keeps every node small (the GL renderer rasterizes a cairo node whole)
 * and the cards exactly where the hit-testing finds them. Child widgets
 * would cost a widget, a gesture and a drag source per card for nothing
 * the nodes do not already give.
 */

#define G_LOG_DOMAIN "CjmPriorityGrid"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-plan.h"
#include "cjm-priority-grid.h"

#define AXIS        28.0   /* room for the impact numbers, at the start side */
#define FOOT        24.0   /* room for the effort numbers, under the grid */
#define TRAY        92.0   /* the unscored tray, under the numbers */
#define GAP         8.0
#define CARD_W      132.0
#define CARD_H      40.0
#define DRAG_SLOP   6.0

typedef struct {
  CjmPlanEntry     *entry;
  graphene_rect_t   rect;
} Card;

struct _CjmPriorityGrid
{
  GtkWidget     parent_instance;

  CjmDocument  *document;
  CjmChecker   *checker;
  GPtrArray    *entries;       /* CjmPlanEntry (a reference on the caller's array) */
  GArray       *cards;         /* Card, in drawing order; rebuilt on allocation */
  gboolean      cards_valid;
  CjmItem      *selected;

  /* A drag in progress */
  CjmItem      *pressed;
  gboolean      dragging;
  double        press_x;
  double        press_y;
  double        drag_x;
  double        drag_y;
};

G_DEFINE_FINAL_TYPE (CjmPriorityGrid, cjm_priority_grid, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Geometry */

static gboolean
is_rtl (CjmPriorityGrid *self)
{
  return self->document != NULL && cjm_document_is_rtl (self->document);
}

static graphene_rect_t
grid_rect (CjmPriorityGrid *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t rect;

  graphene_rect_init (&rect, is_rtl (self) ? GAP : AXIS, GAP,
                      MAX (w - AXIS - 2 * GAP, 50), MAX (h - FOOT - TRAY - 2 * GAP, 50));
  return rect;
}

static graphene_rect_t
tray_rect (CjmPriorityGrid *self)
{
  graphene_rect_t grid = grid_rect (self);
  graphene_rect_t rect;

  graphene_rect_init (&rect, grid.origin.x, grid.origin.y + grid.size.height + FOOT,
                      grid.size.width, TRAY - GAP);
  return rect;
}

/* The rectangle of the cell of impact and effort (1..5). */
static graphene_rect_t
cell_rect (CjmPriorityGrid *self,
           int              impact,
           int              effort)
{
  graphene_rect_t grid = grid_rect (self);
  double cw = grid.size.width / 5, ch = grid.size.height / 5;
  int column = is_rtl (self) ? 5 - effort : effort - 1;
  graphene_rect_t rect;

  graphene_rect_init (&rect, grid.origin.x + column * cw, grid.origin.y + (5 - impact) * ch, cw, ch);
  return rect;
}

/* Which cell is at x, y: FALSE when none (the tray sets both to 0). */
static gboolean
cell_at (CjmPriorityGrid *self,
         double           x,
         double           y,
         int             *impact,
         int             *effort)
{
  graphene_rect_t grid = grid_rect (self);
  graphene_rect_t tray = tray_rect (self);
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);
  int column, row;

  if (graphene_rect_contains_point (&tray, &point))
    {
      *impact = *effort = 0;
      return TRUE;
    }
  if (!graphene_rect_contains_point (&grid, &point))
    return FALSE;
  column = CLAMP ((int) ((x - grid.origin.x) / (grid.size.width / 5)), 0, 4);
  row = CLAMP ((int) ((y - grid.origin.y) / (grid.size.height / 5)), 0, 4);
  *effort = is_rtl (self) ? 5 - column : column + 1;
  *impact = 5 - row;
  return TRUE;
}

/* A card grows with its reach: 0 is the smallest, 4 and more the largest. */
static double
card_scale (CjmPlanEntry *entry)
{
  return 0.8 + 0.1 * MIN (entry->reach, 4);
}

static void
place_cards (CjmPriorityGrid *self)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) tray_cards = g_ptr_array_new ();
  graphene_rect_t tray = tray_rect (self);
  double tray_x;
  gboolean rtl = is_rtl (self);
  GHashTableIter iter;
  gpointer key, value;

  g_array_set_size (self->cards, 0);
  self->cards_valid = TRUE;
  if (self->entries == NULL)
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      CjmPlanEntry *entry = g_ptr_array_index (self->entries, i);
      GPtrArray *cell;

      if (entry->quadrant == CJM_QUADRANT_UNSCORED)
        {
          g_ptr_array_add (tray_cards, entry);
          continue;
        }
      key = GINT_TO_POINTER (entry->impact * 10 + entry->effort);
      cell = g_hash_table_lookup (cells, key);
      if (cell == NULL)
        g_hash_table_insert (cells, key, cell = g_ptr_array_new ());
      g_ptr_array_add (cell, entry);
    }

  /* In a cell, the cards of the cell stacked from its top, overlapping
   * when they do not fit. */
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *cell = value;
      int code = GPOINTER_TO_INT (key);
      graphene_rect_t rect = cell_rect (self, code / 10, code % 10);
      double step = CARD_H + 4;
      double room = rect.size.height - 2 * 4;

      if (cell->len > 1 && cell->len * step > room)
        step = MAX (6, (room - CARD_H) / (cell->len - 1));
      for (guint i = 0; i < cell->len; i++)
        {
          CjmPlanEntry *entry = g_ptr_array_index (cell, i);
          double s = card_scale (entry);
          double w = MIN (CARD_W * s, rect.size.width - 8);
          double h = MIN (CARD_H * s, rect.size.height - 8);
          Card card = { entry };

          graphene_rect_init (&card.rect, rect.origin.x + (rect.size.width - w) / 2,
                              rect.origin.y + 4 + i * step, w, h);
          g_array_append_val (self->cards, card);
        }
    }

  tray_x = 8;
  for (guint i = 0; i < tray_cards->len; i++)
    {
      CjmPlanEntry *entry = g_ptr_array_index (tray_cards, i);
      double s = card_scale (entry);
      double w = CARD_W * s, h = MIN (CARD_H * s, tray.size.height - 12);
      double step = w + 6;
      Card card = { entry };

      if (tray_cards->len > 1 && tray_cards->len * step > tray.size.width - 16)
        step = MAX (12, (tray.size.width - 16 - w) / (tray_cards->len - 1));
      graphene_rect_init (&card.rect,
                          rtl ? tray.origin.x + tray.size.width - tray_x - w : tray.origin.x + tray_x,
                          tray.origin.y + 22, w, h);
      tray_x += step;
      g_array_append_val (self->cards, card);
    }
}

static void
ensure_cards (CjmPriorityGrid *self)
{
  if (!self->cards_valid)
    place_cards (self);
}

static Card *
card_at (CjmPriorityGrid *self,
         double           x,
         double           y)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  ensure_cards (self);
  for (guint i = self->cards->len; i > 0; i--)
    {
      Card *card = &g_array_index (self->cards, Card, i - 1);

      if (graphene_rect_contains_point (&card->rect, &point))
        return card;
    }
  return NULL;
}

static Card *
find_card (CjmPriorityGrid *self,
           CjmItem         *item)
{
  ensure_cards (self);
  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = &g_array_index (self->cards, Card, i);

      if (card->entry->item == item)
        return card;
    }
  return NULL;
}

/* Editing */

static void
set_priority (CjmPriorityGrid *self,
              CjmItem         *item,
              int              impact,
              int              effort)
{
  g_autofree char *impact_text = impact > 0 ? g_strdup_printf ("%d", impact) : NULL;
  g_autofree char *effort_text = effort > 0 ? g_strdup_printf ("%d", effort) : NULL;

  if (self->document == NULL || cjm_document_index_of (self->document, item) < 0)
    return;
  if (g_strcmp0 (cjm_item_get_field (item, CJM_FIELD_IMPACT), impact_text) == 0
      && g_strcmp0 (cjm_item_get_field (item, CJM_FIELD_EFFORT), effort_text) == 0)
    return;

  /* Translators: the undo label of moving a card in the Priorities grid */
  cjm_document_begin_group (self->document, _("Set priority"));
  cjm_document_set_field (self->document, item, CJM_FIELD_IMPACT, impact_text);
  cjm_document_set_field (self->document, item, CJM_FIELD_EFFORT, effort_text);
  cjm_document_end_group (self->document);
}

static void
select_item (CjmPriorityGrid *self,
             CjmItem         *item,
             gboolean         activate)
{
  g_set_object (&self->selected, item);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (activate && item != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, item);
}

/* Drawing */

static void
status_color (CjmStatus  status,
              GdkRGBA   *color)
{
  static const char *colors[] = {
    [CJM_STATUS_IDEA] = "#c0bfbc",
    [CJM_STATUS_PLANNED] = "#99c1f1",
    [CJM_STATUS_IN_PROGRESS] = "#f9c76b",
    [CJM_STATUS_DONE] = "#8ff0a4",
    [CJM_STATUS_DROPPED] = "#deddda",
  };

  gdk_rgba_parse (color, colors[status]);
}

static void
append_text (GtkSnapshot          *snapshot,
             PangoLayout          *layout,
             const graphene_rect_t *box,
             const GdkRGBA        *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box->origin.x, box->origin.y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static PangoLayout *
make_layout (CjmPriorityGrid *self,
             const char      *text,
             double           width,
             gboolean         bold,
             double           scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  PangoAlignment align = is_rtl (self) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * scale));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, align);
  return layout;
}

static void
draw_label (CjmPriorityGrid *self,
            GtkSnapshot     *snapshot,
            const char      *text,
            double           x,
            double           y,
            double           width,
            gboolean         bold,
            double           scale,
            const GdkRGBA   *color,
            PangoAlignment   align)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, width, bold, scale);
  graphene_rect_t box = GRAPHENE_RECT_INIT (x, y, width, 20);

  pango_layout_set_alignment (layout, align);
  append_text (snapshot, layout, &box, color);
}

static void
draw_grid (CjmPriorityGrid *self,
           GtkSnapshot     *snapshot,
           const GdkRGBA   *fg)
{
  graphene_rect_t grid = grid_rect (self);
  graphene_rect_t tray = tray_rect (self);
  gboolean rtl = is_rtl (self);
  GdkRGBA line = *fg, dim = *fg, tint;
  static const struct {
    CjmQuadrant quadrant;
    int         impact;     /* the top-start cell of the quadrant */
    int         effort;
    int         rows;
    int         columns;
    const char *tint;
  } quadrants[] = {
    { CJM_QUADRANT_QUICK_WIN, 5, 1, 2, 2, "rgba(46,194,126,0.13)" },
    { CJM_QUADRANT_BIG_BET, 5, 3, 2, 3, "rgba(53,132,228,0.10)" },
    { CJM_QUADRANT_FILL_IN, 3, 1, 3, 2, "rgba(246,211,45,0.12)" },
    { CJM_QUADRANT_MONEY_PIT, 3, 3, 3, 3, "rgba(224,27,36,0.08)" },
  };

  line.alpha = 0.18;
  dim.alpha = 0.55;

  for (guint q = 0; q < G_N_ELEMENTS (quadrants); q++)
    {
      graphene_rect_t a = cell_rect (self, quadrants[q].impact, quadrants[q].effort);
      graphene_rect_t b = cell_rect (self, quadrants[q].impact - quadrants[q].rows + 1,
                                     quadrants[q].effort + quadrants[q].columns - 1);
      graphene_rect_t area;
      GdkRGBA name_color = *fg;

      graphene_rect_union (&a, &b, &area);
      gdk_rgba_parse (&tint, quadrants[q].tint);
      gtk_snapshot_append_color (snapshot, &tint, &area);
      name_color.alpha = 0.45;
      draw_label (self, snapshot, cjm_quadrant_get_label (quadrants[q].quadrant),
                  area.origin.x + 6, area.origin.y + area.size.height - 22, area.size.width - 12,
                  TRUE, 1.0, &name_color, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
    }

  for (int i = 0; i <= 5; i++)
    {
      graphene_rect_t h = GRAPHENE_RECT_INIT (grid.origin.x, grid.origin.y + i * grid.size.height / 5,
                                              grid.size.width, 1);
      graphene_rect_t v = GRAPHENE_RECT_INIT (grid.origin.x + i * grid.size.width / 5, grid.origin.y,
                                              1, grid.size.height);
      GdkRGBA c = line;

      /* The lines between the quadrants are stronger. */
      if (i == 2 || i == (rtl ? 3 : 2))
        c.alpha = 0.45;
      if (i == 2)
        gtk_snapshot_append_color (snapshot, &c, &h);
      else
        gtk_snapshot_append_color (snapshot, &line, &h);
      c = line;
      if (i == (rtl ? 3 : 2))
        c.alpha = 0.45;
      gtk_snapshot_append_color (snapshot, &c, &v);
    }

  for (int n = 1; n <= 5; n++)
    {
      graphene_rect_t row = cell_rect (self, n, 1);
      graphene_rect_t column = cell_rect (self, 1, n);
      char text[2] = { (char) ('0' + n), 0 };
      double ax = rtl ? grid.origin.x + grid.size.width + 4 : 4;

      draw_label (self, snapshot, text, ax, row.origin.y + row.size.height / 2 - 9, AXIS - 10,
                  FALSE, 1.0, &dim, PANGO_ALIGN_CENTER);
      draw_label (self, snapshot, text, column.origin.x, grid.origin.y + grid.size.height + 2,
                  column.size.width, FALSE, 1.0, &dim, PANGO_ALIGN_CENTER);
    }
  /* Translators: the axes of the Priorities grid */
  draw_label (self, snapshot, _("Impact ↑"),
              rtl ? grid.origin.x + grid.size.width - 164 : grid.origin.x + 4, grid.origin.y + 2,
              160, FALSE, 0.85,
              &dim, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  draw_label (self, snapshot, rtl ? _("← Effort") : _("Effort →"),
              grid.origin.x, grid.origin.y + grid.size.height + 2, grid.size.width / 5 - 16, FALSE,
              0.85, &dim, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  /* The tray */
  tint = *fg;
  tint.alpha = 0.05;
  gtk_snapshot_append_color (snapshot, &tint, &tray);
  draw_label (self, snapshot, cjm_quadrant_get_label (CJM_QUADRANT_UNSCORED), tray.origin.x + 8,
              tray.origin.y + 3, tray.size.width - 16, TRUE, 0.9, &dim,
              rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

/* The spread of the roles' scores: a vertical whisker over the impacts
 * and a horizontal one over the efforts, through the card's centre. */
static void
draw_whiskers (CjmPriorityGrid *self,
               GtkSnapshot     *snapshot,
               Card            *card,
               const GdkRGBA   *fg)
{
  CjmScoreSpread *spread = &card->entry->spread;
  double cx = card->rect.origin.x + card->rect.size.width / 2;
  double cy = card->rect.origin.y + card->rect.size.height / 2;
  GdkRGBA color = *fg;

  if (card->entry->quadrant == CJM_QUADRANT_UNSCORED || spread->n_roles == 0)
    return;
  color.alpha = card->entry->item == self->selected ? 0.85 : 0.45;

  if (spread->impact_min > 0 && spread->impact_max > spread->impact_min)
    {
      graphene_rect_t top = cell_rect (self, spread->impact_max, card->entry->effort);
      graphene_rect_t bottom = cell_rect (self, spread->impact_min, card->entry->effort);
      double y0 = top.origin.y + top.size.height / 2, y1 = bottom.origin.y + bottom.size.height / 2;

      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (cx - 1, y0, 2, y1 - y0));
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (cx - 7, y0 - 1, 14, 2));
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (cx - 7, y1 - 1, 14, 2));
    }
  if (spread->effort_min > 0 && spread->effort_max > spread->effort_min)
    {
      graphene_rect_t a = cell_rect (self, card->entry->impact, spread->effort_min);
      graphene_rect_t b = cell_rect (self, card->entry->impact, spread->effort_max);
      double x0 = MIN (a.origin.x, b.origin.x), x1 = MAX (a.origin.x, b.origin.x);

      x0 += a.size.width / 2;
      x1 += a.size.width / 2;
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x0, cy - 1, x1 - x0, 2));
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x0 - 1, cy - 7, 2, 14));
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x1 - 1, cy - 7, 2, 14));
    }
}

static gboolean
is_disputed (CjmPriorityGrid *self,
             CjmPlanEntry    *entry)
{
  g_autoptr(GPtrArray) findings = NULL;

  if (self->checker == NULL || entry->id == NULL)
    return FALSE;
  findings = cjm_checker_find_for_target (self->checker, entry->id);
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (cjm_finding_get_rule (g_ptr_array_index (findings, i)), "CJM-R02") == 0)
      return TRUE;
  return FALSE;
}

static void
draw_card (CjmPriorityGrid       *self,
           GtkSnapshot           *snapshot,
           CjmPlanEntry          *entry,
           const graphene_rect_t *rect,
           gboolean               ghost)
{
  GskRoundedRect outline;
  GdkRGBA fill, border, ink;
  gboolean selected = entry->item == self->selected;
  gboolean rtl = is_rtl (self);
  double pad = 6;
  g_autofree char *detail = NULL;
  const char *horizon = entry->horizon == CJM_HORIZON_NONE ? NULL
                        : cjm_horizon_get_label (entry->horizon);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) sub = NULL;

  status_color (entry->status, &fill);
  if (ghost)
    fill.alpha = 0.6;
  gdk_rgba_parse (&ink, "#241f31");
  if (selected)
    gdk_rgba_parse (&border, "#1c71d8");
  else
    gdk_rgba_parse (&border, "rgba(0,0,0,0.35)");

  gsk_rounded_rect_init_from_rect (&outline, rect, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill, rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { selected ? 3 : 1, selected ? 3 : 1,
                                           selected ? 3 : 1, selected ? 3 : 1 },
                              (GdkRGBA[4]) { border, border, border, border });

  if (entry->owner != NULL && horizon != NULL)
    /* Translators: a card of the Priorities grid: its owner and horizon */
    detail = g_strdup_printf (_("%s · %s"), entry->owner, horizon);
  else
    detail = g_strdup (entry->owner != NULL ? entry->owner : horizon != NULL ? horizon : "");

  gtk_snapshot_push_clip (snapshot, rect);
  title = make_layout (self, entry->title ? entry->title : "", rect->size.width - 2 * pad, TRUE,
                       0.85);
  append_text (snapshot, title,
               &GRAPHENE_RECT_INIT (rect->origin.x + pad, rect->origin.y + 3, 0, 0), &ink);
  if (*detail != '\0' && rect->size.height > 30)
    {
      sub = make_layout (self, detail, rect->size.width - 2 * pad, FALSE, 0.75);
      append_text (snapshot, sub,
                   &GRAPHENE_RECT_INIT (rect->origin.x + pad, rect->origin.y + rect->size.height - 19,
                                        0, 0), &ink);
    }
  gtk_snapshot_pop (snapshot);

  if (is_disputed (self, entry))
    {
      /* The R02 marker: an orange dot with "!" at the top end corner. */
      graphene_rect_t dot = GRAPHENE_RECT_INIT (rtl ? rect->origin.x - 6
                                                    : rect->origin.x + rect->size.width - 10,
                                                rect->origin.y - 6, 16, 16);
      GskRoundedRect round;
      GdkRGBA orange, white;

      gdk_rgba_parse (&orange, "#e66100");
      gdk_rgba_parse (&white, "#ffffff");
      gsk_rounded_rect_init_from_rect (&round, &dot, 8);
      gtk_snapshot_push_rounded_clip (snapshot, &round);
      gtk_snapshot_append_color (snapshot, &orange, &dot);
      gtk_snapshot_pop (snapshot);
      draw_label (self, snapshot, "!", dot.origin.x, dot.origin.y - 1, dot.size.width, TRUE, 0.8,
                  &white, PANGO_ALIGN_CENTER);
    }
}

/* Callbacks */

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               CjmPriorityGrid *self)
{
  Card *card = card_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_clear_object (&self->pressed);
  if (card != NULL)
    self->pressed = g_object_ref (card->entry->item);
  self->dragging = FALSE;
  self->press_x = x;
  self->press_y = y;
  if (card == NULL)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                CjmPriorityGrid *self)
{
  if (self->pressed == NULL)
    return;
  if (!self->dragging && (dx * dx + dy * dy) < DRAG_SLOP * DRAG_SLOP)
    return;
  self->dragging = TRUE;
  self->drag_x = self->press_x + dx;
  self->drag_y = self->press_y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             CjmPriorityGrid *self)
{
  g_autoptr(CjmItem) item = g_steal_pointer (&self->pressed);
  gboolean dragging = self->dragging;
  int impact, effort;

  self->dragging = FALSE;
  if (item == NULL)
    return;
  select_item (self, item, TRUE);
  if (dragging && cell_at (self, self->press_x + dx, self->press_y + dy, &impact, &effort))
    set_priority (self, item, impact, effort);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                CjmPriorityGrid  *self)
{
  g_clear_object (&self->pressed);
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CjmPriorityGrid       *self)
{
  CjmPlanEntry *entry = NULL;
  Card *card;
  int impact, effort, forward;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval != GDK_KEY_Left && keyval != GDK_KEY_Right && keyval != GDK_KEY_Up
      && keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Left && keyval != GDK_KEY_KP_Right
      && keyval != GDK_KEY_KP_Up && keyval != GDK_KEY_KP_Down)
    return FALSE;

  card = self->selected ? find_card (self, self->selected) : NULL;
  if (card == NULL)
    {
      /* Nothing selected yet: the first card. */
      ensure_cards (self);
      if (self->cards->len > 0)
        select_item (self, g_array_index (self->cards, Card, 0).entry->item, TRUE);
      return self->cards->len > 0;
    }
  entry = card->entry;
  if (entry->quadrant == CJM_QUADRANT_UNSCORED)
    {
      /* From the tray, the first step puts it in the middle. */
      impact = 3;
      effort = 3;
    }
  else
    {
      impact = entry->impact;
      effort = entry->effort;
      forward = is_rtl (self) ? -1 : 1;
      switch (keyval)
        {
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          impact++;
          break;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          impact--;
          break;
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          effort += forward;
          break;
        default:
          effort -= forward;
          break;
        }
      impact = CLAMP (impact, 1, 5);
      effort = CLAMP (effort, 1, 5);
    }
  set_priority (self, entry->item, impact, effort);
  return TRUE;
}

/* Vfuncs */

static void
cjm_priority_grid_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CjmPriorityGrid *self = CJM_PRIORITY_GRID (widget);
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ensure_cards (self);
  draw_grid (self, snapshot, &fg);
  for (guint i = 0; i < self->cards->len; i++)
    draw_whiskers (self, snapshot, &g_array_index (self->cards, Card, i), &fg);
  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = &g_array_index (self->cards, Card, i);

      draw_card (self, snapshot, card->entry, &card->rect, FALSE);
    }
  if (self->dragging && self->pressed != NULL)
    {
      Card *card = find_card (self, self->pressed);

      if (card != NULL)
        {
          graphene_rect_t ghost = card->rect;

          ghost.origin.x = self->drag_x - ghost.size.width / 2;
          ghost.origin.y = self->drag_y - ghost.size.height / 2;
          draw_card (self, snapshot, card->entry, &ghost, TRUE);
        }
    }
}

static void
cjm_priority_grid_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CJM_PRIORITY_GRID (widget)->cards_valid = FALSE;
}

static void
cjm_priority_grid_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* Small: the window's side panel folds when the content's natural
   * width does not fit beside it. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 360;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 600;
}

static void
cjm_priority_grid_dispose (GObject *object)
{
  CjmPriorityGrid *self = CJM_PRIORITY_GRID (object);

  g_clear_object (&self->document);
  g_clear_object (&self->checker);
  g_clear_object (&self->selected);
  g_clear_object (&self->pressed);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->cards, g_array_unref);

  G_OBJECT_CLASS (cjm_priority_grid_parent_class)->dispose (object);
}

static void
cjm_priority_grid_class_init (CjmPriorityGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_priority_grid_dispose;
  widget_class->snapshot = cjm_priority_grid_snapshot;
  widget_class->size_allocate = cjm_priority_grid_size_allocate;
  widget_class->measure = cjm_priority_grid_measure;

  /* An opportunity was clicked or chosen with the keyboard. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, CJM_TYPE_ITEM);

  gtk_widget_class_set_css_name (widget_class, "priority-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
cjm_priority_grid_init (CjmPriorityGrid *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->cards = g_array_new (FALSE, FALSE, sizeof (Card));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* Public API */

GtkWidget *
cjm_priority_grid_new (void)
{
  return g_object_new (CJM_TYPE_PRIORITY_GRID, NULL);
}

void
cjm_priority_grid_set_document (CjmPriorityGrid *self,
                                CjmDocument     *document,
                                CjmChecker      *checker)
{
  g_return_if_fail (CJM_IS_PRIORITY_GRID (self));

  g_set_object (&self->document, document);
  g_set_object (&self->checker, checker);
  g_clear_object (&self->selected);
  cjm_priority_grid_set_entries (self, NULL);
}

void
cjm_priority_grid_set_entries (CjmPriorityGrid *self,
                               GPtrArray       *entries)
{
  g_return_if_fail (CJM_IS_PRIORITY_GRID (self));

  if (entries != NULL)
    g_ptr_array_ref (entries);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  self->cards_valid = FALSE;
  if (self->dragging && self->pressed != NULL && find_card (self, self->pressed) == NULL)
    on_drag_cancel (NULL, NULL, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CjmItem *
cjm_priority_grid_get_selected (CjmPriorityGrid *self)
{
  g_return_val_if_fail (CJM_IS_PRIORITY_GRID (self), NULL);
  return self->selected;
}

void
cjm_priority_grid_set_selected (CjmPriorityGrid *self,
                                CjmItem         *item)
{
  g_return_if_fail (CJM_IS_PRIORITY_GRID (self));
  select_item (self, item, FALSE);
}

gboolean
cjm_priority_grid_get_card_center (CjmPriorityGrid *self,
                                   CjmItem         *item,
                                   double          *x,
                                   double          *y)
{
  Card *card;

  g_return_val_if_fail (CJM_IS_PRIORITY_GRID (self), FALSE);

  card = find_card (self, item);
  if (card == NULL)
    return FALSE;
  *x = card->rect.origin.x + card->rect.size.width / 2;
  *y = card->rect.origin.y + card->rect.size.height / 2;
  return TRUE;
}

void
cjm_priority_grid_get_cell_center (CjmPriorityGrid *self,
                                   int              impact,
                                   int              effort,
                                   double          *x,
                                   double          *y)
{
  graphene_rect_t rect;

  g_return_if_fail (CJM_IS_PRIORITY_GRID (self));

  if (impact == 0 || effort == 0)
    rect = tray_rect (self);
  else
    rect = cell_rect (self, impact, effort);
  *x = rect.origin.x + rect.size.width / 2;
  *y = rect.origin.y + rect.size.height / 2;
}
