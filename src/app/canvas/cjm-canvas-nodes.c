/* cjm-canvas-nodes.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the canvas caches, and the one place it is thrown away: the
 * CjmLayout of the document, and a render node per part of the map (card,
 * stage and lane header, lane row background, emotion lane, links, the
 * corner, the "Unplaced" area), each recorded once with cjm-render into a
 * cairo node at its own origin and kept until a change names it or its
 * size changes. Cards are grouped into tiles (a lane row by a block of
 * stages), each a cached container of the cards' nodes, so that a frame
 * places a few dozen unchanged nodes: GTK finds no damage in them and
 * redraws only where something moved. The other canvas files say what
 * went stale through _cjm_canvas_invalidate_*(); the stamps and dirty
 * flags are written here only. The minimap's picture is told here too.
 *
 * GTK's GL renderer turns each cairo node into one texture of the node's
 * whole size, and clips (or fails) past the GPU's limit (16,384 px under
 * Mesa, 8,192 on some GPUs). The parts as long or tall as the map (lane
 * rows, emotion lanes, links, the unplaced area) are therefore cached in
 * square tiles of TILE_PX device pixels, made only for the view and a
 * margin, kept while they stay near it and dropped when far away. The
 * renderer also caches those textures by the node's address: a node
 * replaced is kept alive a few frames more (the graveyard) so that a new
 * node never takes the address of one drawn in the previous frame and
 * shows its stale picture.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cjm-canvas-private.h"
#include "cjm-minimap.h"

/* Stages per tile. */
#define TILE_STAGES 6

static const GdkRGBA paper_color = { 1.0, 1.0, 1.0, 1.0 };

/* Device pixels per side of a tile of a large part, and the margin around
 * the view in which tiles are made ahead / kept. GL paints a cairo node's
 * texture only in the first frame that shows it (it culls what is out of
 * view, and forgets a texture not drawn in the frame before), so a scroll
 * step pays for the tiles it brings into view: small tiles spread that
 * cost over the steps. On the 2,000-touchpoint map under llvmpipe, scroll
 * step p95 was 48-70 ms with 1,024 px tiles, 42-51 with 384, and the drag
 * frames were no slower; 256 made the drag frames slower. */
#define TILE_PX 384
#define TILE_MAKE_MARGIN 256.0
#define TILE_KEEP_MARGIN 2048.0

/* Under GL, a step of the zoom is first shown as the view drawn before,
 * in one texture, scaled (GL would paint every cached cairo node again at
 * the new scale before the first frame); the map is drawn at the new zoom
 * once the zoom has rested this long. Past these ratios the new zoom is
 * drawn at once. */
#define ZOOM_SETTLE_MS 180
#define ZOOM_PREVIEW_IN 2.5
#define ZOOM_PREVIEW_OUT 0.75

/* Snapshots a replaced node outlives its last use. */
#define GRAVE_FRAMES 4

typedef enum {
  PART_ROW,
  PART_CURVE,
  PART_LINKS,
  PART_UNPLACED,
} PartKind;

typedef struct {
  GskRenderNode  *node;
  double          scale;
  guint           stamp;
  graphene_rect_t bounds;     /* device pixels from the map's origin */
  guint64         frame;      /* last snapshot that placed it */
} BigTile;

typedef void (*DrawPart) (CjmCanvas *self,
                          cairo_t   *cr,
                          guint      part);

typedef struct {
  GskRenderNode *node;
  guint64        frame;
} Grave;

/* Shared by every canvas: frames counted over all of them. */
static GArray *graveyard;
static guint64 grave_frame;

/* Helpers */

/* Drops a node once no frame can still show its address's texture. */
static void
retire_node (GskRenderNode *node)
{
  Grave grave = { node, grave_frame };

  if (node == NULL)
    return;
  if (graveyard == NULL)
    graveyard = g_array_new (FALSE, FALSE, sizeof (Grave));
  g_array_append_val (graveyard, grave);
}

static void
bury_old_nodes (void)
{
  guint kept = 0;

  grave_frame++;
  if (graveyard == NULL)
    return;
  for (guint i = 0; i < graveyard->len; i++)
    {
      Grave *grave = &g_array_index (graveyard, Grave, i);

      if (grave->frame + GRAVE_FRAMES < grave_frame)
        gsk_render_node_unref (grave->node);
      else
        g_array_index (graveyard, Grave, kept++) = *grave;
    }
  g_array_set_size (graveyard, kept);
}

static void
clear_node (GskRenderNode **node)
{
  retire_node (*node);
  *node = NULL;
}

static void
node_cache_free (gpointer data)
{
  CjmNodeCache *cache = data;

  clear_node (&cache->node);
  g_free (cache);
}

static void
big_tile_free (gpointer data)
{
  BigTile *tile = data;

  clear_node (&tile->node);
  g_free (tile);
}

static gint64
big_tile_key (PartKind kind,
              guint    part,
              int      tx,
              int      ty)
{
  return ((gint64) kind << 60) | ((gint64) (part & 0xfffff) << 40)
         | ((gint64) (tx & 0xfffff) << 20) | (gint64) (ty & 0xfffff);
}

static GHashTable *
node_table_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, node_cache_free);
}

static guint64
hash_columns (CjmLayout *layout)
{
  guint64 h = 1469598103934665603ull;
  guint n = cjm_layout_get_n_stages (layout);

  for (guint i = 0; i < n; i++)
    {
      const CjmLayoutStage *stage = cjm_layout_get_stage (layout, i);
      double values[4] = { stage->column.x, stage->column.width, stage->header.height,
                           (double) GPOINTER_TO_SIZE (stage->item) };

      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        {
          guint64 bits;

          memcpy (&bits, &values[j], sizeof bits);
          h = (h ^ bits) * 1099511628211ull;
        }
    }
  return h ^ n;
}

static void
fill_layout_options (CjmCanvas        *self,
                     CjmLayoutOptions *options)
{
  cjm_layout_options_init (options);
  options->rtl = -1;
  options->show_findings = self->checker != NULL;
  options->findings = self->checker ? cjm_checker_get_all (self->checker) : NULL;
  options->show_legend = FALSE;
}

/* The overview shows the layout: it is drawn again with it. */
static void
invalidate_minimap (CjmCanvas *self)
{
  if (self->minimap != NULL)
    cjm_minimap_invalidate (CJM_MINIMAP (self->minimap));
}

/* Every part is recorded again when next drawn. */
static void
clear_nodes (CjmCanvas *self)
{
  g_hash_table_remove_all (self->card_nodes);
  g_hash_table_remove_all (self->stage_nodes);
  g_hash_table_remove_all (self->lane_nodes);
  g_hash_table_remove_all (self->big_tiles);
  clear_node (&self->corner_node);
  g_clear_pointer (&self->tile_nodes, g_ptr_array_unref);
  self->geometry_stamp++;
  self->tiles_stamp++;
  self->curves_dirty = TRUE;
  self->links_dirty = TRUE;
  invalidate_minimap (self);
}

static void
forget_item (CjmCanvas *self,
             CjmItem   *item)
{
  g_hash_table_remove (self->card_nodes, item);
  g_hash_table_remove (self->stage_nodes, item);
  g_hash_table_remove (self->lane_nodes, item);
}

static gboolean
rect_is_empty (const CjmRect *rect)
{
  return rect->width <= 0 || rect->height <= 0;
}

static void
rect_union_into (CjmRect       *acc,
                 const CjmRect *rect)
{
  if (rect_is_empty (rect))
    return;
  if (rect_is_empty (acc))
    *acc = *rect;
  else
    cjm_rect_union (acc, rect, acc);
}

/* Cached nodes */

/* A cairo node for a part of the map recorded at the current zoom, in
 * device pixels, so that it is placed with a translation only: GTK then
 * diffs it (nothing changed, nothing to redraw) and cairo replays it
 * without scaling. local is in map units relative to (x0, y0); the
 * returned cairo_t draws in map units. */
static GskRenderNode *
record_node (CjmCanvas             *self,
             const graphene_rect_t *local,
             double                 x0,
             double                 y0,
             cairo_t              **cr)
{
  double s = self->zoom;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor (local->origin.x * s), floor (local->origin.y * s),
                                               ceil (local->size.width * s) + 2,
                                               ceil (local->size.height * s) + 2);
  GskRenderNode *node = gsk_cairo_node_new (&bounds);

  *cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (*cr, s, s);
  cairo_translate (*cr, -x0, -y0);
  return node;
}

GskRenderNode *
_cjm_canvas_get_card_node (CjmCanvas           *self,
                           const CjmLayoutCard *card,
                           double              *origin_x,
                           double              *origin_y)
{
  CjmNodeCache *cache = g_hash_table_lookup (self->card_nodes, card->item);

  if (cache == NULL || cache->scale != self->zoom
      || cache->width != card->rect.width || cache->height != card->rect.height
      || cache->n_findings != card->n_findings || cache->severity != card->severity)
    {
      CjmRect bounds = card->rect;
      CjmRect handle = { card->handle.x - 10, card->handle.y - 10, 20, 20 };
      graphene_rect_t local;
      cairo_t *cr;

      rect_union_into (&bounds, &card->badge);
      if (card->handle.x != 0 || card->handle.y != 0)
        rect_union_into (&bounds, &handle);
      local = GRAPHENE_RECT_INIT (bounds.x - card->rect.x - 6, bounds.y - card->rect.y - 6,
                                  bounds.width + 12, bounds.height + 12);

      if (cache == NULL)
        {
          cache = g_new0 (CjmNodeCache, 1);
          g_hash_table_insert (self->card_nodes, card->item, cache);
        }
      clear_node (&cache->node);
      cache->node = record_node (self, &local, card->rect.x, card->rect.y, &cr);
      cjm_render_draw_card (self->layout, cr, card, &self->render_options);
      cairo_destroy (cr);
      cache->scale = self->zoom;
      cache->width = card->rect.width;
      cache->height = card->rect.height;
      cache->n_findings = card->n_findings;
      cache->severity = card->severity;
    }

  *origin_x = card->rect.x * self->zoom;
  *origin_y = card->rect.y * self->zoom;
  return cache->node;
}

GskRenderNode *
_cjm_canvas_get_stage_node (CjmCanvas *self,
                            guint      index)
{
  const CjmLayoutStage *stage = cjm_layout_get_stage (self->layout, index);
  CjmNodeCache *cache = g_hash_table_lookup (self->stage_nodes, stage->item);

  if (cache == NULL || cache->scale != self->zoom || cache->width != stage->header.width
      || cache->height != stage->header.height || cache->index != index)
    {
      graphene_rect_t local = GRAPHENE_RECT_INIT (0, 0, stage->header.width, stage->header.height);
      cairo_t *cr;

      if (cache == NULL)
        {
          cache = g_new0 (CjmNodeCache, 1);
          g_hash_table_insert (self->stage_nodes, stage->item, cache);
        }
      clear_node (&cache->node);
      cache->node = record_node (self, &local, stage->header.x, stage->header.y, &cr);
      cjm_render_draw_stage_header (self->layout, cr, index, &self->render_options);
      cairo_destroy (cr);
      cache->scale = self->zoom;
      cache->width = stage->header.width;
      cache->height = stage->header.height;
      cache->index = index;
    }
  return cache->node;
}

GskRenderNode *
_cjm_canvas_get_lane_node (CjmCanvas *self,
                           guint      index)
{
  const CjmLayoutLane *lane = cjm_layout_get_lane (self->layout, index);
  CjmNodeCache *cache = g_hash_table_lookup (self->lane_nodes, lane->item);

  if (cache == NULL || cache->scale != self->zoom || cache->width != lane->header.width
      || cache->height != lane->header.height || cache->index != index)
    {
      graphene_rect_t local = GRAPHENE_RECT_INIT (0, 0, lane->header.width, lane->header.height);
      cairo_t *cr;

      if (cache == NULL)
        {
          cache = g_new0 (CjmNodeCache, 1);
          g_hash_table_insert (self->lane_nodes, lane->item, cache);
        }
      clear_node (&cache->node);
      cache->node = record_node (self, &local, lane->header.x, lane->header.y, &cr);
      cjm_render_draw_lane_header (self->layout, cr, index, &self->render_options);
      cairo_destroy (cr);
      cache->scale = self->zoom;
      cache->width = lane->header.width;
      cache->height = lane->header.height;
      cache->index = index;
    }
  return cache->node;
}

/* Tiles of the large parts */

/* The lane rows' union when they are stacked without gaps, one above the
 * other across the same width: then each row's tiles draw the links over
 * it, and the links layer only what lies outside. */
static gboolean
get_rows_rect (CjmCanvas *self,
               CjmRect   *rows)
{
  guint n = cjm_layout_get_n_lanes (self->layout);

  *rows = (CjmRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < n; i++)
    {
      const CjmRect *row = &cjm_layout_get_lane (self->layout, i)->row;

      if (i == 0)
        *rows = *row;
      else if (fabs (row->x - rows->x) > 0.01 || fabs (row->width - rows->width) > 0.01
               || fabs (row->y - (rows->y + rows->height)) > 0.01)
        return FALSE;
      else
        rows->height += row->height;
    }
  return n > 0 && !rect_is_empty (rows);
}

/* Zoomed out, a lane row's tile holds the links over it and its
 * simplified cards on top (blocks too small to be hidden by a line): a few
 * textures for the whole map instead of one per card and a layer of links
 * over the whole view. */
static void
draw_row_part (CjmCanvas *self,
               cairo_t   *cr,
               guint      part)
{
  const CjmLayoutLane *lane = cjm_layout_get_lane (self->layout, part);
  CjmRect rows, clip;
  double x0, y0, x1, y1;
  g_autoptr(GArray) cards = NULL;

  cjm_render_draw_background (self->layout, cr, &self->render_options);
  if (!self->render_options.simplified || !get_rows_rect (self, &rows))
    return;
  cairo_save (cr);
  cairo_rectangle (cr, lane->row.x, lane->row.y, lane->row.width, lane->row.height);
  cairo_clip (cr);
  cjm_render_draw_links (self->layout, cr, &self->render_options);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  clip = (CjmRect) { x0, y0, x1 - x0, y1 - y0 };
  cards = cjm_layout_get_cards_in_rect (self->layout, &clip);
  for (guint i = 0; i < cards->len; i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (self->layout,
                                                       g_array_index (cards, guint, i));

      if (!card->unplaced)
        cjm_render_draw_card (self->layout, cr, card, &self->render_options);
    }
  cairo_restore (cr);
}

static void
draw_curve_part (CjmCanvas *self,
                 cairo_t   *cr,
                 guint      part)
{
  cjm_render_draw_emotion_lane (self->layout, cr, part, &self->render_options);
}

/* The links outside every lane row (around the grid). */
static void
draw_links_part (CjmCanvas *self,
                 cairo_t   *cr,
                 guint      part)
{
  CjmRect rows;

  cairo_save (cr);
  if (self->render_options.simplified && get_rows_rect (self, &rows))
    {
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_rectangle (cr, -1e6, -1e6, 4e6, 4e6);
      cairo_rectangle (cr, rows.x, rows.y, rows.width, rows.height);
      cairo_clip (cr);
    }
  cjm_render_draw_links (self->layout, cr, &self->render_options);
  cairo_restore (cr);
}

static void
draw_unplaced_part (CjmCanvas *self,
                    cairo_t   *cr,
                    guint      part)
{
  cjm_render_draw_unplaced (self->layout, cr, &self->render_options);
}

/* Places the tiles of a part covering area (map units) that meet the view
 * (device pixels from the map's origin), recording those missing or
 * recorded under another stamp or zoom. */
static void
append_tiled (CjmCanvas             *self,
              GtkSnapshot           *snapshot,
              PartKind               kind,
              guint                  part,
              const CjmRect         *area,
              guint                  stamp,
              const graphene_rect_t *view,
              DrawPart               draw)
{
  double s = self->zoom;
  graphene_rect_t whole = GRAPHENE_RECT_INIT (floor (area->x * s), floor (area->y * s), 0, 0);
  graphene_rect_t wanted;
  int tx0, tx1, ty0, ty1;

  if (rect_is_empty (area))
    return;
  whole.size.width = ceil ((area->x + area->width) * s) - whole.origin.x;
  whole.size.height = ceil ((area->y + area->height) * s) - whole.origin.y;
  if (!graphene_rect_intersection (&whole, view, &wanted))
    return;

  tx0 = (int) floor (wanted.origin.x / TILE_PX);
  ty0 = (int) floor (wanted.origin.y / TILE_PX);
  tx1 = (int) ceil ((wanted.origin.x + wanted.size.width) / TILE_PX);
  ty1 = (int) ceil ((wanted.origin.y + wanted.size.height) / TILE_PX);
  for (int ty = ty0; ty < ty1; ty++)
    for (int tx = tx0; tx < tx1; tx++)
      {
        gint64 key = big_tile_key (kind, part, tx, ty);
        graphene_rect_t cell = GRAPHENE_RECT_INIT (tx * TILE_PX, ty * TILE_PX, TILE_PX, TILE_PX);
        graphene_rect_t bounds;
        BigTile *tile;

        if (!graphene_rect_intersection (&cell, &whole, &bounds))
          continue;
        tile = g_hash_table_lookup (self->big_tiles, &key);
        if (tile == NULL)
          {
            gint64 *stored = g_new (gint64, 1);

            *stored = key;
            tile = g_new0 (BigTile, 1);
            g_hash_table_insert (self->big_tiles, stored, tile);
          }
        if (tile->node == NULL || tile->stamp != stamp || tile->scale != s
            || !graphene_rect_equal (&tile->bounds, &bounds))
          {
            cairo_t *cr;

            clear_node (&tile->node);
            tile->node = gsk_cairo_node_new (&bounds);
            cr = gsk_cairo_node_get_draw_context (tile->node);
            cairo_rectangle (cr, bounds.origin.x, bounds.origin.y,
                             bounds.size.width, bounds.size.height);
            cairo_clip (cr);
            cairo_scale (cr, s, s);
            draw (self, cr, part);
            cairo_destroy (cr);
            tile->stamp = stamp;
            tile->scale = s;
            tile->bounds = bounds;
          }
        tile->frame = self->frame;
        gtk_snapshot_append_node (snapshot, tile->node);
      }
}

/* Drops the tiles recorded at another zoom, or far from the view. */
static void
drop_far_tiles (CjmCanvas             *self,
                const graphene_rect_t *view)
{
  graphene_rect_t keep = *view;
  GHashTableIter iter;
  BigTile *tile;

  graphene_rect_inset (&keep, -TILE_KEEP_MARGIN, -TILE_KEEP_MARGIN);
  g_hash_table_iter_init (&iter, self->big_tiles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tile))
    if (tile->frame != self->frame
        && (tile->scale != self->zoom || !graphene_rect_intersection (&tile->bounds, &keep, NULL)))
      g_hash_table_iter_remove (&iter);
}

static gboolean
get_links_area (CjmCanvas *self,
                CjmRect   *area)
{
  guint n = cjm_layout_get_n_links (self->layout);

  *area = (CjmRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < n; i++)
    rect_union_into (area, &cjm_layout_get_link (self->layout, i)->bounds);
  if (rect_is_empty (area))
    return FALSE;
  area->x -= 4;
  area->y -= 4;
  area->width += 8;
  area->height += 8;
  return TRUE;
}

static GskRenderNode *
get_corner_node (CjmCanvas *self)
{
  CjmRect rect;

  cjm_layout_get_corner_rect (self->layout, &rect);
  if (rect_is_empty (&rect))
    return NULL;
  if (self->corner_node == NULL)
    {
      graphene_rect_t local = GRAPHENE_RECT_INIT (0, 0, rect.width, rect.height);
      cairo_t *cr;

      self->corner_node = record_node (self, &local, rect.x, rect.y, &cr);
      cjm_render_draw_corner (self->layout, cr, &self->render_options);
      cairo_destroy (cr);
    }
  return self->corner_node;
}

/* Places a node recorded by record_node() at (x, y) in map units. */
static void
append_at (CjmCanvas     *self,
           GtkSnapshot   *snapshot,
           GskRenderNode *node,
           double         x,
           double         y)
{
  if (node == NULL)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x * self->zoom, y * self->zoom));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

/* Tiles of cards */

static GskRenderNode *
build_tile (CjmCanvas *self,
            guint      lane,
            guint      first_stage,
            guint      n_stages)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

  for (guint s = first_stage; s < first_stage + n_stages; s++)
    {
      const CjmLayoutCell *cell = cjm_layout_get_cell (self->layout, s, lane);

      for (guint c = 0; c < cell->n_cards; c++)
        {
          const CjmLayoutCard *card = cjm_layout_get_card (self->layout, cell->first_card + c);
          double ox, oy;
          GskRenderNode *node = _cjm_canvas_get_card_node (self, card, &ox, &oy);
          g_autoptr(GskTransform) transform = NULL;
          GskRenderNode *placed;

          transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (ox, oy));
          placed = gsk_transform_node_new (node, transform);
          g_ptr_array_add (children, placed);
        }
    }

  if (children->len == 0)
    return NULL;
  return gsk_container_node_new ((GskRenderNode **) children->pdata, children->len);
}

/* The cached container of the cards of one tile, rebuilt when the layout
 * or the zoom changed. */
static GskRenderNode *
get_tile_node (CjmCanvas *self,
               guint      lane,
               guint      block)
{
  guint n_stages = cjm_layout_get_n_stages (self->layout);
  guint n_blocks = (n_stages + TILE_STAGES - 1) / TILE_STAGES;
  guint index = lane * n_blocks + block;
  CjmNodeCache *cache;

  if (self->tile_nodes == NULL || self->tile_nodes->len != cjm_layout_get_n_lanes (self->layout) * n_blocks)
    {
      g_clear_pointer (&self->tile_nodes, g_ptr_array_unref);
      self->tile_nodes = g_ptr_array_new_with_free_func (node_cache_free);
      for (guint i = 0; i < cjm_layout_get_n_lanes (self->layout) * n_blocks; i++)
        g_ptr_array_add (self->tile_nodes, g_new0 (CjmNodeCache, 1));
    }

  cache = g_ptr_array_index (self->tile_nodes, index);
  if (cache->stamp != self->tiles_stamp)
    {
      clear_node (&cache->node);
      cache->node = build_tile (self, lane, block * TILE_STAGES,
                                MIN (TILE_STAGES, n_stages - block * TILE_STAGES));
      cache->stamp = self->tiles_stamp;
    }
  return cache->node;
}

/* Drawing */

/* Layer 5: the headers, kept in view while scrolling, pinned by pin_dx
 * and pin_dy (map units) over the part of the map in `visible`. */
static void
snapshot_headers (CjmCanvas     *self,
                  GtkSnapshot   *snapshot,
                  const CjmRect *visible,
                  double         pin_dx,
                  double         pin_dy)
{
  guint n_stages = cjm_layout_get_n_stages (self->layout);
  guint n_lanes = cjm_layout_get_n_lanes (self->layout);
  CjmRect band;

  for (guint i = 0; i < n_stages; i++)
    {
      const CjmLayoutStage *stage = cjm_layout_get_stage (self->layout, i);

      if (stage->header.x + stage->header.width >= visible->x
          && stage->header.x <= visible->x + visible->width)
        append_at (self, snapshot, _cjm_canvas_get_stage_node (self, i),
                   stage->header.x, stage->header.y + pin_dy);
    }
  for (guint i = 0; i < n_lanes; i++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (self->layout, i);

      if (lane->header.y + lane->header.height >= visible->y
          && lane->header.y <= visible->y + visible->height)
        append_at (self, snapshot, _cjm_canvas_get_lane_node (self, i),
                   lane->header.x + pin_dx, lane->header.y);
    }
  cjm_layout_get_corner_rect (self->layout, &band);
  append_at (self, snapshot, get_corner_node (self), band.x + pin_dx, band.y + pin_dy);
}

/* Layers 1 to 4: the map under the headers. */
static void
snapshot_map_at (CjmCanvas   *self,
                 GtkSnapshot *snapshot)
{
  CjmRect visible;
  double mw, mh;
  guint n_stages = cjm_layout_get_n_stages (self->layout);
  guint n_lanes = cjm_layout_get_n_lanes (self->layout);
  guint n_blocks = (n_stages + TILE_STAGES - 1) / TILE_STAGES;
  GskRenderNode *node;
  graphene_rect_t view;
  CjmRect area, rows;
  gboolean links_in_rows, baked_cards;

  _cjm_canvas_get_visible_rect (self, &visible);
  cjm_layout_get_size (self->layout, &mw, &mh);
  self->render_options.simplified = self->zoom < CJM_RENDER_SIMPLIFY_ZOOM;
  self->render_options.draw_link_labels = !self->render_options.simplified;
  baked_cards = get_rows_rect (self, &rows) && self->render_options.simplified;
  links_in_rows = baked_cards;

  bury_old_nodes ();
  self->frame++;
  if (self->curves_dirty)
    self->curves_stamp++;
  if (self->links_dirty)
    self->links_stamp++;
  self->curves_dirty = FALSE;
  self->links_dirty = FALSE;
  view = GRAPHENE_RECT_INIT (visible.x * self->zoom, visible.y * self->zoom,
                             visible.width * self->zoom, visible.height * self->zoom);
  graphene_rect_inset (&view, -TILE_MAKE_MARGIN, -TILE_MAKE_MARGIN);

  /* Paper, with a soft edge. */
  {
    graphene_rect_t paper = GRAPHENE_RECT_INIT (0, 0, mw * self->zoom, mh * self->zoom);
    GskRoundedRect outline;
    GdkRGBA edge = { 0, 0, 0, 0.18 };

    gsk_rounded_rect_init_from_rect (&outline, &paper, 0);
    gtk_snapshot_append_outset_shadow (snapshot, &outline, &edge, 0, 1, 1, 4);
    if (!get_rows_rect (self, &rows))
      gtk_snapshot_append_color (snapshot, &paper_color, &paper);
    else
      {
        /* The rows' tiles are opaque: the paper only shows around them
         * (GL paints every layer over the whole view each frame). Each
         * part reaches a pixel under the rows, so no seam shows. */
        double top = floor (rows.y * self->zoom) + 1;
        double bottom = ceil ((rows.y + rows.height) * self->zoom) - 1;
        double left = floor (rows.x * self->zoom) + 1;
        double right = ceil ((rows.x + rows.width) * self->zoom) - 1;
        float pw = paper.size.width, ph = paper.size.height;

        if (top > 0)
          gtk_snapshot_append_color (snapshot, &paper_color, &GRAPHENE_RECT_INIT (0, 0, pw, top));
        if (bottom < ph)
          gtk_snapshot_append_color (snapshot, &paper_color,
                                     &GRAPHENE_RECT_INIT (0, bottom, pw, ph - bottom));
        if (left > 0)
          gtk_snapshot_append_color (snapshot, &paper_color,
                                     &GRAPHENE_RECT_INIT (0, top, left, bottom - top));
        if (right < pw)
          gtk_snapshot_append_color (snapshot, &paper_color,
                                     &GRAPHENE_RECT_INIT (right, top, pw - right, bottom - top));
      }
  }

  /* Layer 1: lane rows. */
  for (guint i = 0; i < n_lanes; i++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (self->layout, i);

      append_tiled (self, snapshot, PART_ROW, i, &lane->row,
                    (self->geometry_stamp * 65599u + (links_in_rows ? self->links_stamp : 0)
                     + (baked_cards ? self->tiles_stamp * 31u : 0))
                    ^ (lane->index << 24),
                    &view, draw_row_part);
    }

  /* Layer 3: cards, by tiles in view (in the rows' tiles when simplified). */
  for (guint l = 0; l < n_lanes && !baked_cards; l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (self->layout, l);

      if (!cjm_rect_intersects (&lane->row, &visible))
        continue;
      for (guint b = 0; b < n_blocks; b++)
        {
          const CjmLayoutCell *first = cjm_layout_get_cell (self->layout, b * TILE_STAGES, l);
          const CjmLayoutCell *last = cjm_layout_get_cell (self->layout,
                                                           MIN ((b + 1) * TILE_STAGES, n_stages) - 1, l);
          CjmRect tile;

          cjm_rect_union (&first->rect, &last->rect, &tile);
          /* Badges and handles stick out of the cells a little. */
          tile.x -= 16;
          tile.y -= 16;
          tile.width += 32;
          tile.height += 32;
          if (!cjm_rect_intersects (&tile, &visible))
            continue;
          node = get_tile_node (self, l, b);
          if (node != NULL)
            gtk_snapshot_append_node (snapshot, node);
        }
    }

  /* The cards being dragged stay where they were, washed out: a veil
   * over the unchanged tiles (an opacity node in the tile would make GL
   * draw it offscreen every frame, and rebuild the tile twice a drag). */
  if (self->drag_mode == CJM_DRAG_CARDS && self->drag_items != NULL)
    for (guint i = 0; i < self->drag_items->len; i++)
      {
        const CjmLayoutCard *card = cjm_layout_lookup_card (self->layout,
                                                            g_ptr_array_index (self->drag_items, i));
        GdkRGBA veil = paper_color;

        if (card == NULL)
          continue;
        veil.alpha = 0.65;
        gtk_snapshot_append_color (snapshot, &veil,
                                   &GRAPHENE_RECT_INIT (floor (card->rect.x * self->zoom) - 1,
                                                        floor (card->rect.y * self->zoom) - 1,
                                                        ceil (card->rect.width * self->zoom) + 3,
                                                        ceil (card->rect.height * self->zoom) + 3));
      }

  /* Cards whose stage or lane is missing. */
  for (guint i = 0; i < cjm_layout_get_n_cards (self->layout); i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (self->layout, i);
      double ox, oy;

      if (!card->unplaced || !cjm_rect_intersects (&card->rect, &visible))
        continue;
      node = _cjm_canvas_get_card_node (self, card, &ox, &oy);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ox, oy));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
    }

  /* Layer 2: links, over the cards (with a halo) so that they stay
   * readable where they cross them; zoomed out, those over the rows are
   * in the rows' tiles, under the simplified cards there. */
  if (get_links_area (self, &area))
    {
      if (!links_in_rows)
        append_tiled (self, snapshot, PART_LINKS, 0, &area, self->links_stamp, &view,
                      draw_links_part);
      else
        {
          /* What sticks out above, below and to either side. */
          CjmRect parts[4] = {
            { area.x, area.y, area.width, rows.y - area.y },
            { area.x, rows.y + rows.height, area.width,
              area.y + area.height - (rows.y + rows.height) },
            { area.x, rows.y, rows.x - area.x, rows.height },
            { rows.x + rows.width, rows.y, area.x + area.width - (rows.x + rows.width),
              rows.height },
          };

          for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
            append_tiled (self, snapshot, PART_LINKS, i, &parts[i], self->links_stamp, &view,
                          draw_links_part);
        }
    }


  /* Layer 4: emotion curves. */
  for (guint i = 0; i < n_lanes; i++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (self->layout, i);

      if (lane->kind != CJM_LANE_EMOTION)
        continue;
      area = (CjmRect) { lane->row.x - 16, lane->row.y - 16,
                         lane->row.width + 32, lane->row.height + 32 };
      append_tiled (self, snapshot, PART_CURVE, i, &area,
                    self->curves_stamp ^ self->geometry_stamp, &view, draw_curve_part);
    }

  if (cjm_layout_get_unplaced_rect (self->layout, &area))
    append_tiled (self, snapshot, PART_UNPLACED, 0, &area, self->tiles_stamp, &view,
                  draw_unplaced_part);

  drop_far_tiles (self, &view);
}

void
_cjm_canvas_end_zoom_preview (CjmCanvas *self)
{
  if (self->zoom_preview == NULL)
    return;
  /* The corner was recorded at the zoom before for it. */
  clear_node (&self->corner_node);
  g_clear_object (&self->zoom_preview);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The map, in device pixels from its origin (the caller translated the
 * snapshot there): only the parts that intersect the view are placed;
 * while a zoom step settles, the view drawn before, scaled. */
void
_cjm_canvas_snapshot_map (CjmCanvas   *self,
                          GtkSnapshot *snapshot)
{
  GtkSnapshot *map = NULL;
  CjmRect visible;
  double pin_dx, pin_dy;

  _cjm_canvas_get_visible_rect (self, &visible);
  _cjm_canvas_get_pin_offsets (self, &pin_dx, &pin_dy);
  if (self->zoom_preview != NULL)
    {
      double zoom = self->zoom, f = zoom / self->zoom_preview_at;

      /* The headers as drawn at that zoom too, but pinned where the view
       * is now. */
      gtk_snapshot_save (snapshot);
      gtk_snapshot_scale (snapshot, f, f);
      gtk_snapshot_append_texture (snapshot, self->zoom_preview, &self->zoom_preview_rect);
      self->zoom = self->zoom_preview_at;
      snapshot_headers (self, snapshot, &visible, pin_dx, pin_dy);
      self->zoom = zoom;
      gtk_snapshot_restore (snapshot);
      return;
    }

  /* Kept, with what was in view, for the next zoom step's preview. */
  map = gtk_snapshot_new ();
  snapshot_map_at (self, map);
  g_clear_pointer (&self->map_node, gsk_render_node_unref);
  self->map_node = gtk_snapshot_free_to_node (map);
  self->map_view = GRAPHENE_RECT_INIT (visible.x * self->zoom, visible.y * self->zoom,
                                       visible.width * self->zoom, visible.height * self->zoom);
  self->map_zoom = self->zoom;
  if (self->map_node != NULL)
    gtk_snapshot_append_node (snapshot, self->map_node);
  snapshot_headers (self, snapshot, &visible, pin_dx, pin_dy);
}

/* The layout */

void
_cjm_canvas_ensure_layout (CjmCanvas *self)
{
  CjmLayoutOptions options;
  guint64 columns;

  if (self->document == NULL)
    return;

  if (self->layout == NULL)
    {
      fill_layout_options (self, &options);
      self->layout = cjm_layout_new (self->document, &options);
    }
  else if (self->layout_dirty || self->findings_dirty)
    {
      if (self->layout_dirty)
        cjm_layout_update (self->layout);
      /* Only the badges: the checker's findings changed. */
      if (self->findings_dirty)
        cjm_layout_set_findings (self->layout,
                                 self->checker ? cjm_checker_get_all (self->checker) : NULL);
    }
  else
    return;

  self->layout_dirty = FALSE;
  self->findings_dirty = FALSE;
  self->links_dirty = TRUE;
  self->tiles_stamp++;
  invalidate_minimap (self);

  columns = hash_columns (self->layout);
  if (columns != self->columns_hash)
    {
      self->columns_hash = columns;
      self->geometry_stamp++;
      self->curves_dirty = TRUE;
    }
}

/* Invalidation */

void
_cjm_canvas_invalidate_all (CjmCanvas *self)
{
  _cjm_canvas_end_zoom_preview (self);
  g_clear_object (&self->layout);
  clear_nodes (self);
  self->columns_hash = 0;
}

void
_cjm_canvas_invalidate_change (CjmCanvas       *self,
                               const CjmChange *change)
{
  self->layout_dirty = TRUE;

  _cjm_canvas_end_zoom_preview (self);

  if (change->type == CJM_CHANGE_RELOADED)
    {
      clear_nodes (self);
      return;
    }

  switch (change->kind)
    {
    case CJM_KIND_TOUCHPOINT:
    case CJM_KIND_NOTE:
    case CJM_KIND_OPPORTUNITY:
      g_hash_table_remove (self->card_nodes, change->item);
      if (change->kind == CJM_KIND_TOUCHPOINT)
        self->curves_dirty = TRUE;
      break;

    case CJM_KIND_STAGE:
    case CJM_KIND_LANE:
    case CJM_KIND_PERSONA:
    case CJM_KIND_MAP:
      /* Colours, names, numbering and direction show on many parts. */
      clear_nodes (self);
      break;

    case CJM_KIND_LINK:
      self->links_dirty = TRUE;
      break;

    case CJM_KIND_TERM:
    case CJM_KIND_SUPPRESSION:
    case CJM_N_KINDS:
    default:
      break;
    }

  if (change->type == CJM_CHANGE_ITEM_REMOVED)
    forget_item (self, change->item);
}

void
_cjm_canvas_invalidate_findings (CjmCanvas *self)
{
  _cjm_canvas_end_zoom_preview (self);
  self->findings_dirty = TRUE;
}

static gboolean
zoom_settled (gpointer data)
{
  CjmCanvas *self = data;

  self->settle_id = 0;
  _cjm_canvas_end_zoom_preview (self);
  return G_SOURCE_REMOVE;
}

/* The view as last drawn, in one texture, and a little more around it
 * when zooming out (ratio < 1) so that the scaled picture still fills the
 * view. Only under GL: cairo draws the cached parts at any scale as fast. */
static void
begin_preview (CjmCanvas *self,
               double     ratio)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  graphene_rect_t area = self->map_view, bounds;

  double reach = MIN (ratio, 1);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer) || self->map_node == NULL
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  /* The view may grow on any side: the zoom keeps the point under the
   * pointer where it is. */
  graphene_rect_inset (&area, -area.size.width * (1 / reach - 1),
                       -area.size.height * (1 / reach - 1));
  gsk_render_node_get_bounds (self->map_node, &bounds);
  if (!graphene_rect_intersection (&area, &bounds, &area))
    return;
  area.origin.x = floor (area.origin.x);
  area.origin.y = floor (area.origin.y);
  area.size.width = ceil (area.size.width);
  area.size.height = ceil (area.size.height);
  /* Within the size every GL implementation takes. */
  if (area.size.width * scale > 4096 || area.size.height * scale > 4096)
    return;
  self->zoom_preview = gsk_renderer_render_texture (renderer, self->map_node, &area);
  self->zoom_preview_rect = area;
  self->zoom_preview_at = self->map_zoom;
  self->zoom_preview_reach = reach;
}

void
_cjm_canvas_invalidate_zoom (CjmCanvas *self,
                             gboolean   step)
{
  double base = self->zoom_preview != NULL ? self->zoom_preview_at : self->map_zoom;
  double ratio = base > 0 ? self->zoom / base : 0;

  /* Cards and headers compare their scale; tiles place them anew. Past
   * readable text, cards and curves are drawn simplified. */
  self->render_options.simplified = self->zoom < CJM_RENDER_SIMPLIFY_ZOOM;
  self->render_options.draw_link_labels = !self->render_options.simplified;
  clear_node (&self->corner_node);
  self->links_dirty = TRUE;
  self->tiles_stamp++;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (!step || ratio < ZOOM_PREVIEW_OUT || ratio > ZOOM_PREVIEW_IN)
    {
      _cjm_canvas_end_zoom_preview (self);
      return;
    }
  /* Out past what the texture holds around the view: made again. */
  if (self->zoom_preview != NULL && ratio < self->zoom_preview_reach)
    g_clear_object (&self->zoom_preview);
  if (self->zoom_preview == NULL)
    begin_preview (self, ratio);
  if (self->zoom_preview != NULL)
    self->settle_id = g_timeout_add (ZOOM_SETTLE_MS, zoom_settled, self);
}

void
_cjm_canvas_invalidate_tiles (CjmCanvas *self)
{
  /* The dragged cards are veiled over the tiles: they stay as they are. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Setup */

void
_cjm_canvas_init_nodes (CjmCanvas *self)
{
  self->card_nodes = node_table_new ();
  self->stage_nodes = node_table_new ();
  self->lane_nodes = node_table_new ();
  self->big_tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, big_tile_free);
  cjm_render_options_init (&self->render_options);
  self->render_options.draw_background = TRUE;
  self->render_options.draw_findings = TRUE;
  self->render_options.draw_link_labels = TRUE;
  self->render_options.draw_unset_emotions = TRUE;
  self->render_options.print = FALSE;
}

void
_cjm_canvas_finalize_nodes (CjmCanvas *self)
{
  g_clear_object (&self->layout);
  g_clear_pointer (&self->card_nodes, g_hash_table_unref);
  g_clear_pointer (&self->stage_nodes, g_hash_table_unref);
  g_clear_pointer (&self->lane_nodes, g_hash_table_unref);
  g_clear_pointer (&self->big_tiles, g_hash_table_unref);
  clear_node (&self->corner_node);
  g_clear_pointer (&self->tile_nodes, g_ptr_array_unref);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->zoom_preview);
  g_clear_pointer (&self->map_node, gsk_render_node_unref);
}
