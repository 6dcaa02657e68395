/* cjm-palette.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmPalette"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-kinds.h"
#include "cjm-palette.h"

struct _CjmPalette
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkWidget *tiles[CJM_N_PALETTE_TILES];
};

G_DEFINE_ENUM_TYPE (CjmPaletteTile, cjm_palette_tile,
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_TOUCHPOINT, "touchpoint"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_PAIN_POINT, "pain-point"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_OPPORTUNITY, "opportunity"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_STAGE, "stage"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_LANE_CHANNEL, "lane-channel"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_LANE_EMOTION, "lane-emotion"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_LANE_ACTIONS, "lane-actions"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_LANE_THOUGHTS, "lane-thoughts"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_LANE_PAIN_POINTS, "lane-pain-points"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_LANE_BACKSTAGE, "lane-backstage"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_LANE_NOTES, "lane-notes"),
  G_DEFINE_ENUM_VALUE (CJM_PALETTE_TILE_LANE_OPPORTUNITIES, "lane-opportunities"))

G_DEFINE_FINAL_TYPE (CjmPalette, cjm_palette, GTK_TYPE_WIDGET)

enum {
  TILE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* label: NULL for the name of the kind of item or lane it makes. */
static const struct {
  const char  *label;
  const char  *tooltip;
  const char  *icon;
  CjmKind      kind;
  CjmLaneKind  lane_kind;
} tile_info[CJM_N_PALETTE_TILES] = {
  [CJM_PALETTE_TILE_TOUCHPOINT] = {
    NULL, N_("Where the customer meets the company, in a channel lane"),
    "mark-location-symbolic", CJM_KIND_TOUCHPOINT, CJM_LANE_UNKNOWN },
  [CJM_PALETTE_TILE_NOTE] = {
    NULL, N_("A note in a text lane: an action, a thought, a backstage step"),
    "document-edit-symbolic", CJM_KIND_NOTE, CJM_LANE_UNKNOWN },
  [CJM_PALETTE_TILE_PAIN_POINT] = {
    N_("Pain point"), N_("A note for the pain points lane"),
    "dialog-warning-symbolic", CJM_KIND_NOTE, CJM_LANE_UNKNOWN },
  [CJM_PALETTE_TILE_OPPORTUNITY] = {
    NULL, N_("An idea for the opportunities lane"),
    "starred-symbolic", CJM_KIND_OPPORTUNITY, CJM_LANE_UNKNOWN },
  [CJM_PALETTE_TILE_STAGE] = {
    NULL, N_("A new column: a step of the journey"),
    "view-dual-symbolic", CJM_KIND_STAGE, CJM_LANE_UNKNOWN },
  [CJM_PALETTE_TILE_LANE_CHANNEL] = {
    NULL, N_("A swimlane for the touchpoints of one channel"),
    "network-workgroup-symbolic", CJM_KIND_LANE, CJM_LANE_CHANNEL },
  [CJM_PALETTE_TILE_LANE_EMOTION] = {
    NULL, N_("The curve of how the customer felt"),
    "face-smile-symbolic", CJM_KIND_LANE, CJM_LANE_EMOTION },
  [CJM_PALETTE_TILE_LANE_ACTIONS] = {
    NULL, N_("What the customer does"),
    "input-mouse-symbolic", CJM_KIND_LANE, CJM_LANE_ACTIONS },
  [CJM_PALETTE_TILE_LANE_THOUGHTS] = {
    NULL, N_("What the customer thinks"),
    "dialog-question-symbolic", CJM_KIND_LANE, CJM_LANE_THOUGHTS },
  [CJM_PALETTE_TILE_LANE_PAIN_POINTS] = {
    NULL, N_("What hurts"),
    "dialog-warning-symbolic", CJM_KIND_LANE, CJM_LANE_PAIN_POINTS },
  [CJM_PALETTE_TILE_LANE_BACKSTAGE] = {
    NULL, N_("What the company does out of sight"),
    "applications-engineering-symbolic", CJM_KIND_LANE, CJM_LANE_BACKSTAGE },
  [CJM_PALETTE_TILE_LANE_NOTES] = {
    NULL, N_("Free notes"),
    "format-justify-left-symbolic", CJM_KIND_LANE, CJM_LANE_NOTES },
  [CJM_PALETTE_TILE_LANE_OPPORTUNITIES] = {
    NULL, N_("Ideas to make the journey better"),
    "starred-symbolic", CJM_KIND_LANE, CJM_LANE_OPPORTUNITIES },
};

static GdkContentProvider *
on_drag_source_prepare (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkWidget     *row)
{
  CjmPaletteTile tile = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cjm-tile"));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (CJM_TYPE_PALETTE_TILE, tile);
}

static void
on_list_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       CjmPalette    *self)
{
  CjmPaletteTile tile = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cjm-tile"));

  g_signal_emit (self, signals[TILE_ACTIVATED], 0, tile);
}

static GtkWidget *
make_tile (CjmPalette     *self,
           CjmPaletteTile  tile)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *image = gtk_image_new_from_icon_name (tile_info[tile].icon);
  GtkWidget *label = gtk_label_new (cjm_palette_tile_get_label (tile));
  GtkDragSource *source = gtk_drag_source_new ();
  g_autofree char *tooltip = g_strdup_printf (_("%s. Drag onto the map, or press to add."),
                                              _(tile_info[tile].tooltip));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_widget_add_css_class (row, "cjm-palette-tile");
  g_object_set_data (G_OBJECT (row), "cjm-tile", GINT_TO_POINTER (tile));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cjm_palette_tile_get_label (tile),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_source_prepare), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  self->tiles[tile] = row;
  return row;
}

static GtkWidget *
make_section (CjmPalette     *self,
              const char     *title,
              CjmPaletteTile  first,
              CjmPaletteTile  last)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (box), heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  for (CjmPaletteTile tile = first; tile <= last; tile++)
    gtk_list_box_append (GTK_LIST_BOX (list), make_tile (self, tile));
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_list_row_activated), self, 0);
  gtk_box_append (GTK_BOX (box), list);

  return box;
}

static void
cjm_palette_dispose (GObject *object)
{
  CjmPalette *self = CJM_PALETTE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (cjm_palette_parent_class)->dispose (object);
}

static void
cjm_palette_class_init (CjmPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_palette_dispose;

  /**
   * CjmPalette::tile-activated:
   * @tile: the CjmPaletteTile
   *
   * A tile was clicked or activated with the keyboard: add its item where
   * the keyboard is (cjm_canvas_add_tile()).
   */
  signals[TILE_ACTIVATED] =
    g_signal_new ("tile-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CJM_TYPE_PALETTE_TILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cjm-palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cjm_palette_init (CjmPalette *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (box), make_section (self, _("Cards"),
                                               CJM_PALETTE_TILE_TOUCHPOINT,
                                               CJM_PALETTE_TILE_OPPORTUNITY));
  gtk_box_append (GTK_BOX (box), make_section (self, _("Columns"),
                                               CJM_PALETTE_TILE_STAGE,
                                               CJM_PALETTE_TILE_STAGE));
  gtk_box_append (GTK_BOX (box), make_section (self, cjm_kind_get_plural (CJM_KIND_LANE),
                                               CJM_PALETTE_TILE_LANE_CHANNEL,
                                               CJM_PALETTE_TILE_LANE_OPPORTUNITIES));
  gtk_widget_set_margin_bottom (box, 6);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Palette"), -1);
}

gboolean
cjm_palette_tile_is_card (CjmPaletteTile tile)
{
  return tile <= CJM_PALETTE_TILE_OPPORTUNITY;
}

CjmLaneKind
cjm_palette_tile_get_lane_kind (CjmPaletteTile tile)
{
  g_return_val_if_fail (tile < CJM_N_PALETTE_TILES, CJM_LANE_UNKNOWN);
  return tile_info[tile].lane_kind;
}

const char *
cjm_palette_tile_get_label (CjmPaletteTile tile)
{
  g_return_val_if_fail (tile < CJM_N_PALETTE_TILES, NULL);
  if (tile_info[tile].label != NULL)
    return _(tile_info[tile].label);
  if (tile_info[tile].kind == CJM_KIND_LANE)
    return cjm_lane_kind_get_label (tile_info[tile].lane_kind);
  return cjm_kind_get_label (tile_info[tile].kind);
}

const char *
cjm_palette_tile_get_icon_name (CjmPaletteTile tile)
{
  g_return_val_if_fail (tile < CJM_N_PALETTE_TILES, NULL);
  return tile_info[tile].icon;
}

GtkWidget *
cjm_palette_new (void)
{
  return g_object_new (CJM_TYPE_PALETTE, NULL);
}

GtkWidget *
cjm_palette_get_tile_widget (CjmPalette     *self,
                             CjmPaletteTile  tile)
{
  g_return_val_if_fail (CJM_IS_PALETTE (self), NULL);
  g_return_val_if_fail (tile < CJM_N_PALETTE_TILES, NULL);
  return self->tiles[tile];
}
