/* cjm-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document model and its undo history. Every mutator builds a command,
 * applies it and records it in the open group; undo reverts a group's
 * commands in reverse order, redo applies them again.
 */

#define G_LOG_DOMAIN "cjm-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cjm-document-private.h"

typedef enum {
  CMD_SET_FIELD,
  CMD_SET_LIST,
  CMD_INSERT,
  CMD_REMOVE,
  CMD_MOVE,
} CommandType;

typedef struct {
  CommandType  type;
  CjmItem     *item;
  CjmField     field;
  char        *old_value;
  char        *new_value;
  CjmListKind  list;
  GPtrArray   *other_list;   /* SET_LIST: the list not in the item right now */
  guint        index;        /* INSERT/REMOVE: position; MOVE: new position */
  guint        old_index;    /* MOVE: old position */
} Command;

typedef struct {
  char      *label;
  GPtrArray *commands;
  guint      serial;
} Group;

struct _CjmDocument
{
  GObject     parent_instance;

  CjmItem    *map;
  GPtrArray  *items[CJM_N_KINDS];
  CjmExtras  *container_extras[CJM_N_KINDS];
  CjmExtras  *settings_extras;
  CjmExtras  *print_extras;

  GHashTable *ids;           /* id -> first CjmItem with it */
  gboolean    ids_dirty;

  GFile      *file;
  char       *etag;

  GPtrArray  *undo_stack;    /* Group */
  GPtrArray  *redo_stack;    /* Group */
  Group      *open_group;
  guint       group_depth;
  guint       next_serial;
  guint       clean_serial;  /* serial of the top undo group when clean */
  gboolean    clean_lost;    /* the clean state can no longer be reached */
  gboolean    in_history_op;
};

G_DEFINE_FINAL_TYPE (CjmDocument, cjm_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (cjm-document-error-quark, cjm_document_error)

/* Commands */

static void
command_free (gpointer data)
{
  Command *cmd = data;

  g_clear_object (&cmd->item);
  g_free (cmd->old_value);
  g_free (cmd->new_value);
  g_clear_pointer (&cmd->other_list, g_ptr_array_unref);
  g_free (cmd);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->label);
  g_ptr_array_unref (group->commands);
  g_free (group);
}

static Group *
group_new (CjmDocument *self,
           const char  *label)
{
  Group *group = g_new0 (Group, 1);

  group->label = g_strdup (label);
  group->commands = g_ptr_array_new_with_free_func (command_free);
  group->serial = ++self->next_serial;
  return group;
}

static void
emit_change (CjmDocument   *self,
             CjmChangeType  type,
             CjmItem       *item,
             guint          index,
             guint          old_index,
             CjmField       field,
             CjmListKind    list)
{
  CjmChange change = {
    .type = type,
    .item = item,
    .kind = item ? cjm_item_get_kind (item) : CJM_KIND_MAP,
    .field = field,
    .list = list,
    .index = index,
    .old_index = old_index,
  };

  g_signal_emit (self, signals[CHANGED], 0, &change);
}

static void
command_apply (CjmDocument *self,
               Command     *cmd,
               gboolean     forward)
{
  CjmKind kind = cjm_item_get_kind (cmd->item);
  GPtrArray *items = self->items[kind];

  switch (cmd->type)
    {
    case CMD_SET_FIELD:
      cjm_item_take_field (cmd->item, cmd->field,
                           g_strdup (forward ? cmd->new_value : cmd->old_value));
      if (cmd->field == CJM_FIELD_ID)
        self->ids_dirty = TRUE;
      emit_change (self, CJM_CHANGE_FIELD, cmd->item, 0, 0, cmd->field, 0);
      break;

    case CMD_SET_LIST:
      cjm_item_swap_list (cmd->item, cmd->list, &cmd->other_list);
      emit_change (self, CJM_CHANGE_LIST, cmd->item, 0, 0, 0, cmd->list);
      break;

    case CMD_INSERT:
    case CMD_REMOVE:
      if ((cmd->type == CMD_INSERT) == forward)
        {
          g_ptr_array_insert (items, cmd->index, g_object_ref (cmd->item));
          cjm_item_set_in_document (cmd->item, TRUE);
          self->ids_dirty = TRUE;
          emit_change (self, CJM_CHANGE_ITEM_INSERTED, cmd->item, cmd->index, cmd->index, 0, 0);
        }
      else
        {
          g_autoptr(CjmItem) item = g_ptr_array_steal_index (items, cmd->index);

          g_assert (item == cmd->item);
          cjm_item_set_in_document (item, FALSE);
          self->ids_dirty = TRUE;
          emit_change (self, CJM_CHANGE_ITEM_REMOVED, item, cmd->index, cmd->index, 0, 0);
        }
      break;

    case CMD_MOVE:
      {
        guint from = forward ? cmd->old_index : cmd->index;
        guint to = forward ? cmd->index : cmd->old_index;
        gpointer item = g_ptr_array_steal_index (items, from);

        g_ptr_array_insert (items, to, item);
        emit_change (self, CJM_CHANGE_ITEM_MOVED, cmd->item, to, from, 0, 0);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
notify_history (CjmDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
record (CjmDocument *self,
        Command     *cmd,
        const char  *label)
{
  gboolean own_group = self->group_depth == 0;

  g_return_if_fail (!self->in_history_op);

  if (own_group)
    cjm_document_begin_group (self, label);

  command_apply (self, cmd, TRUE);
  g_ptr_array_add (self->open_group->commands, cmd);

  if (own_group)
    cjm_document_end_group (self);
}

static guint
top_serial (CjmDocument *self)
{
  if (self->undo_stack->len == 0)
    return 0;
  return ((Group *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial;
}

static void
rebuild_ids (CjmDocument *self)
{
  if (!self->ids_dirty)
    return;

  g_hash_table_remove_all (self->ids);
  for (guint k = 0; k < CJM_N_KINDS; k++)
    for (guint i = 0; i < self->items[k]->len; i++)
      {
        CjmItem *item = g_ptr_array_index (self->items[k], i);
        const char *id = cjm_item_get_id (item);

        if (id != NULL && !g_hash_table_contains (self->ids, id))
          g_hash_table_insert (self->ids, (gpointer) id, item);
      }
  self->ids_dirty = FALSE;
}

/* GObject */

static void
cjm_document_dispose (GObject *object)
{
  CjmDocument *self = CJM_DOCUMENT (object);

  g_clear_object (&self->file);

  G_OBJECT_CLASS (cjm_document_parent_class)->dispose (object);
}

static void
cjm_document_finalize (GObject *object)
{
  CjmDocument *self = CJM_DOCUMENT (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  if (self->open_group != NULL)
    group_free (self->open_group);
  g_hash_table_unref (self->ids);
  for (guint k = 0; k < CJM_N_KINDS; k++)
    {
      for (guint i = 0; i < self->items[k]->len; i++)
        cjm_item_set_in_document (g_ptr_array_index (self->items[k], i), FALSE);
      g_ptr_array_unref (self->items[k]);
      cjm_extras_free (self->container_extras[k]);
    }
  cjm_extras_free (self->settings_extras);
  cjm_extras_free (self->print_extras);
  g_clear_object (&self->map);
  g_free (self->etag);

  G_OBJECT_CLASS (cjm_document_parent_class)->finalize (object);
}

static void
cjm_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CjmDocument *self = CJM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cjm_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cjm_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cjm_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CjmDocument *self = CJM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      cjm_document_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_document_class_init (CjmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cjm_document_dispose;
  object_class->finalize = cjm_document_finalize;
  object_class->get_property = cjm_document_get_property;
  object_class->set_property = cjm_document_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CjmDocument::changed:
   * @change: (type gpointer): a CjmChange, valid during the emission
   *
   * Emitted after every change to the content, including undo and redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
cjm_document_init (CjmDocument *self)
{
  for (guint k = 0; k < CJM_N_KINDS; k++)
    self->items[k] = g_ptr_array_new_with_free_func (g_object_unref);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->undo_stack = g_ptr_array_new_with_free_func (group_free);
  self->redo_stack = g_ptr_array_new_with_free_func (group_free);
  self->map = cjm_item_new (CJM_KIND_MAP);
  cjm_item_set_in_document (self->map, TRUE);
}

/* Public API */

CjmDocument *
cjm_document_new (void)
{
  CjmDocument *self = g_object_new (CJM_TYPE_DOCUMENT, NULL);

  cjm_item_take_field (self->map, CJM_FIELD_VERSION, g_strdup ("1.1"));
  cjm_item_take_field (self->map, CJM_FIELD_TITLE,
                       g_strdup (cjm_kind_get_default_title (CJM_KIND_MAP)));
  return self;
}

GFile *
cjm_document_get_file (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
cjm_document_set_file (CjmDocument *self,
                       GFile       *file)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

const char *
cjm_document_get_etag (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  return self->etag;
}

void
cjm_document_set_etag (CjmDocument *self,
                       const char  *etag)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_free (self->etag);
  self->etag = g_strdup (etag);
}

char *
cjm_document_dup_display_name (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return g_strdup (cjm_kind_get_default_title (CJM_KIND_MAP));
  return g_file_get_basename (self->file);
}

CjmItem *
cjm_document_get_map (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  return self->map;
}

guint
cjm_document_get_n_items (CjmDocument *self,
                          CjmKind      kind)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (kind < CJM_N_KINDS, 0);
  return self->items[kind]->len;
}

CjmItem *
cjm_document_get_item (CjmDocument *self,
                       CjmKind      kind,
                       guint        index)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < CJM_N_KINDS, NULL);
  g_return_val_if_fail (index < self->items[kind]->len, NULL);
  return g_ptr_array_index (self->items[kind], index);
}

GPtrArray *
cjm_document_get_items (CjmDocument *self,
                        CjmKind      kind)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < CJM_N_KINDS, NULL);
  return self->items[kind];
}

int
cjm_document_index_of (CjmDocument *self,
                       CjmItem     *item)
{
  guint index;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (CJM_IS_ITEM (item), -1);

  if (item == self->map)
    return 0;
  if (g_ptr_array_find (self->items[cjm_item_get_kind (item)], item, &index))
    return (int) index;
  return -1;
}

CjmItem *
cjm_document_lookup (CjmDocument *self,
                     const char  *id)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;
  rebuild_ids (self);
  return g_hash_table_lookup (self->ids, id);
}

char *
cjm_document_make_id (CjmDocument *self,
                      const char  *prefix,
                      const char  *hint)
{
  GString *slug = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *id;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (prefix != NULL && g_ascii_isalpha (*prefix), NULL);

  for (const char *p = hint; p != NULL && *p && slug->len < 24; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len > 0)
    {
      base = g_strdup_printf ("%s-%s", prefix, slug->str);
      if (cjm_document_lookup (self, base) == NULL)
        {
          g_string_free (slug, TRUE);
          return g_steal_pointer (&base);
        }
    }
  else
    base = g_strdup (prefix);

  g_string_free (slug, TRUE);
  for (guint n = 1;; n++)
    {
      id = g_strdup_printf ("%s-%u", base, n);
      if (cjm_document_lookup (self, id) == NULL)
        return id;
      g_free (id);
    }
}

gboolean
cjm_document_is_rtl (CjmDocument *self)
{
  static const char * const rtl[] = {
    "he", "iw", "ar", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", NULL
  };
  const char *lang;
  g_autofree char *primary = NULL;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  lang = cjm_item_get_field (self->map, CJM_FIELD_LANG);
  if (lang == NULL)
    return FALSE;
  primary = g_ascii_strdown (lang, strcspn (lang, "-_"));
  return g_strv_contains (rtl, primary);
}

int
cjm_document_get_emotion_spread (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), 3);
  return cjm_item_get_int_field (self->map, CJM_FIELD_EMOTION_SPREAD, 1, 6, 3);
}

void
cjm_document_set_field (CjmDocument *self,
                        CjmItem     *item,
                        CjmField     field,
                        const char  *value)
{
  Command *cmd;

  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (CJM_IS_ITEM (item));
  g_return_if_fail (field < CJM_N_FIELDS);
  g_return_if_fail (cjm_document_index_of (self, item) >= 0);

  if (g_strcmp0 (cjm_item_get_field (item, field), value) == 0)
    return;

  cmd = g_new0 (Command, 1);
  cmd->type = CMD_SET_FIELD;
  cmd->item = g_object_ref (item);
  cmd->field = field;
  cmd->old_value = g_strdup (cjm_item_get_field (item, field));
  cmd->new_value = g_strdup (value);
  record (self, cmd, _("Edit"));
}

void
cjm_document_set_list (CjmDocument *self,
                       CjmItem     *item,
                       CjmListKind  list,
                       GPtrArray   *entries)
{
  Command *cmd;

  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (CJM_IS_ITEM (item));
  g_return_if_fail (list < CJM_N_LISTS);
  g_return_if_fail (cjm_document_index_of (self, item) >= 0);

  if (cjm_list_equal (list, cjm_item_get_list (item, list), entries))
    return;

  cmd = g_new0 (Command, 1);
  cmd->type = CMD_SET_LIST;
  cmd->item = g_object_ref (item);
  cmd->list = list;
  cmd->other_list = cjm_list_copy (list, entries);
  record (self, cmd, _("Edit"));
}

void
cjm_document_insert_item (CjmDocument *self,
                          CjmItem     *item,
                          int          index)
{
  Command *cmd;
  GPtrArray *items;

  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (CJM_IS_ITEM (item));
  g_return_if_fail (cjm_item_get_kind (item) != CJM_KIND_MAP);
  g_return_if_fail (!cjm_item_is_in_document (item));

  items = self->items[cjm_item_get_kind (item)];
  if (index < 0 || (guint) index > items->len)
    index = items->len;

  cmd = g_new0 (Command, 1);
  cmd->type = CMD_INSERT;
  cmd->item = g_object_ref (item);
  cmd->index = index;
  record (self, cmd, _("Add"));
}

void
cjm_document_remove_item (CjmDocument *self,
                          CjmItem     *item)
{
  Command *cmd;
  int index;

  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (CJM_IS_ITEM (item));

  index = cjm_document_index_of (self, item);
  g_return_if_fail (index >= 0 && item != self->map);

  cmd = g_new0 (Command, 1);
  cmd->type = CMD_REMOVE;
  cmd->item = g_object_ref (item);
  cmd->index = index;
  record (self, cmd, _("Delete"));
}

void
cjm_document_move_item (CjmDocument *self,
                        CjmItem     *item,
                        guint        new_index)
{
  Command *cmd;
  GPtrArray *items;
  int index;

  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (CJM_IS_ITEM (item));

  index = cjm_document_index_of (self, item);
  g_return_if_fail (index >= 0 && item != self->map);

  items = self->items[cjm_item_get_kind (item)];
  new_index = MIN (new_index, items->len - 1);
  if ((guint) index == new_index)
    return;

  cmd = g_new0 (Command, 1);
  cmd->type = CMD_MOVE;
  cmd->item = g_object_ref (item);
  cmd->old_index = index;
  cmd->index = new_index;
  record (self, cmd, _("Move"));
}

/* Removes the ids in @gone from a space-separated list field. */
static void
prune_id_list (CjmDocument *self,
               CjmItem     *item,
               CjmField     field,
               GHashTable  *gone)
{
  g_auto(GStrv) ids = cjm_item_dup_id_list (item, field);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) kept_ids = NULL;
  g_autofree char *value = NULL;
  gboolean changed = FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_hash_table_contains (gone, ids[i]))
        changed = TRUE;
      else
        g_strv_builder_add (kept, ids[i]);
    }
  if (!changed)
    return;

  kept_ids = g_strv_builder_end (kept);
  value = g_strjoinv (" ", kept_ids);
  cjm_document_set_field (self, item, field, *value ? value : NULL);
}

void
cjm_document_delete_items (CjmDocument  *self,
                           CjmItem     **items,
                           guint         n_items)
{
  g_autoptr(GHashTable) doomed = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) gone = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean grew;

  g_return_if_fail (CJM_IS_DOCUMENT (self));

  for (guint i = 0; i < n_items; i++)
    if (cjm_document_index_of (self, items[i]) >= 0 && items[i] != self->map)
      g_hash_table_add (doomed, items[i]);

  /* Cards in removed stages and lanes, links to removed cards. */
  do
    {
      GHashTableIter iter;
      CjmItem *item;

      grew = FALSE;
      g_hash_table_remove_all (gone);
      g_hash_table_iter_init (&iter, doomed);
      while (g_hash_table_iter_next (&iter, (gpointer *) &item, NULL))
        if (cjm_item_get_id (item) != NULL)
          g_hash_table_add (gone, (gpointer) cjm_item_get_id (item));

      for (guint k = CJM_KIND_TOUCHPOINT; k <= CJM_KIND_SUPPRESSION; k++)
        for (guint i = 0; i < self->items[k]->len; i++)
          {
            CjmItem *other = g_ptr_array_index (self->items[k], i);
            gboolean dangles = FALSE;

            if (g_hash_table_contains (doomed, other))
              continue;
            if (cjm_kind_is_card (cjm_item_get_kind (other)))
              dangles = g_hash_table_contains (gone, cjm_item_get_field (other, CJM_FIELD_STAGE) ?: "")
                        || g_hash_table_contains (gone, cjm_item_get_field (other, CJM_FIELD_LANE) ?: "");
            else if (k == CJM_KIND_LINK)
              dangles = g_hash_table_contains (gone, cjm_item_get_field (other, CJM_FIELD_FROM) ?: "")
                        || g_hash_table_contains (gone, cjm_item_get_field (other, CJM_FIELD_TO) ?: "");
            else if (k == CJM_KIND_SUPPRESSION)
              dangles = g_hash_table_contains (gone, cjm_item_get_field (other, CJM_FIELD_TARGET) ?: "");

            if (dangles)
              {
                g_hash_table_add (doomed, other);
                grew = TRUE;
              }
          }
    }
  while (grew);

  if (g_hash_table_size (doomed) == 0)
    return;

  cjm_document_begin_group (self, _("Delete"));

  /* Drop the removed ids from the lists that name them. */
  for (guint k = CJM_KIND_TOUCHPOINT; k <= CJM_KIND_OPPORTUNITY; k++)
    for (guint i = 0; i < self->items[k]->len; i++)
      {
        CjmItem *other = g_ptr_array_index (self->items[k], i);

        if (g_hash_table_contains (doomed, other))
          continue;
        prune_id_list (self, other, CJM_FIELD_PERSONAS, gone);
        prune_id_list (self, other, CJM_FIELD_ADDRESSES, gone);
      }

  for (int k = CJM_N_KINDS - 1; k > CJM_KIND_MAP; k--)
    for (int i = self->items[k]->len - 1; i >= 0; i--)
      {
        CjmItem *other = g_ptr_array_index (self->items[k], i);

        if (g_hash_table_contains (doomed, other))
          cjm_document_remove_item (self, other);
      }

  cjm_document_end_group (self);
}

/* History */

void
cjm_document_begin_group (CjmDocument *self,
                          const char  *label)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  if (self->group_depth++ == 0)
    {
      g_assert (self->open_group == NULL);
      self->open_group = group_new (self, label);
    }
}

void
cjm_document_end_group (CjmDocument *self)
{
  Group *group;

  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->open_group);
  if (group->commands->len == 0)
    {
      group_free (group);
      return;
    }

  /* The clean state may have been in the redo stack: it is gone now. */
  for (guint i = 0; i < self->redo_stack->len; i++)
    if (((Group *) g_ptr_array_index (self->redo_stack, i))->serial == self->clean_serial)
      self->clean_lost = TRUE;
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, group);
  notify_history (self);
}

void
cjm_document_cancel_group (CjmDocument *self)
{
  Group *group;

  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth = 0;
  group = g_steal_pointer (&self->open_group);
  self->in_history_op = TRUE;
  for (int i = group->commands->len - 1; i >= 0; i--)
    command_apply (self, g_ptr_array_index (group->commands, i), FALSE);
  self->in_history_op = FALSE;
  group_free (group);
}

gboolean
cjm_document_can_undo (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0 && self->group_depth == 0;
}

gboolean
cjm_document_can_redo (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0 && self->group_depth == 0;
}

const char *
cjm_document_get_undo_label (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  return ((Group *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->label;
}

const char *
cjm_document_get_redo_label (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  if (self->redo_stack->len == 0)
    return NULL;
  return ((Group *) g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1))->label;
}

gboolean
cjm_document_undo (CjmDocument *self)
{
  Group *group;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  if (!cjm_document_can_undo (self))
    return FALSE;

  group = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  self->in_history_op = TRUE;
  for (int i = group->commands->len - 1; i >= 0; i--)
    command_apply (self, g_ptr_array_index (group->commands, i), FALSE);
  self->in_history_op = FALSE;
  g_ptr_array_add (self->redo_stack, group);
  notify_history (self);
  return TRUE;
}

gboolean
cjm_document_redo (CjmDocument *self)
{
  Group *group;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  if (!cjm_document_can_redo (self))
    return FALSE;

  group = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  self->in_history_op = TRUE;
  for (guint i = 0; i < group->commands->len; i++)
    command_apply (self, g_ptr_array_index (group->commands, i), TRUE);
  self->in_history_op = FALSE;
  g_ptr_array_add (self->undo_stack, group);
  notify_history (self);
  return TRUE;
}

void
cjm_document_clear_history (CjmDocument *self)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->clean_serial = 0;
  self->clean_lost = FALSE;
  notify_history (self);
}

gboolean
cjm_document_get_modified (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  return self->clean_lost || top_serial (self) != self->clean_serial;
}

void
cjm_document_set_clean (CjmDocument *self)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  self->clean_serial = top_serial (self);
  self->clean_lost = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
cjm_document_set_unsaved (CjmDocument *self)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  self->clean_lost = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Private to libcjm */

void
cjm_document_append_loaded (CjmDocument *self,
                            CjmItem     *item)
{
  CjmKind kind = cjm_item_get_kind (item);

  g_ptr_array_add (self->items[kind], g_object_ref (item));
  cjm_item_set_in_document (item, TRUE);
  self->ids_dirty = TRUE;
}

CjmExtras **
cjm_document_peek_container_extras (CjmDocument *self,
                                    CjmKind      kind)
{
  return &self->container_extras[kind];
}

CjmExtras **
cjm_document_peek_settings_extras (CjmDocument *self)
{
  return &self->settings_extras;
}

CjmExtras **
cjm_document_peek_print_extras (CjmDocument *self)
{
  return &self->print_extras;
}

void
cjm_document_take_content (CjmDocument *self,
                           CjmDocument *other)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (CJM_IS_DOCUMENT (other));

  for (guint k = 0; k < CJM_N_KINDS; k++)
    {
      for (guint i = 0; i < self->items[k]->len; i++)
        cjm_item_set_in_document (g_ptr_array_index (self->items[k], i), FALSE);
      g_ptr_array_unref (self->items[k]);
      self->items[k] = g_steal_pointer (&other->items[k]);
      other->items[k] = g_ptr_array_new_with_free_func (g_object_unref);
      cjm_extras_free (self->container_extras[k]);
      self->container_extras[k] = g_steal_pointer (&other->container_extras[k]);
    }
  cjm_extras_free (self->settings_extras);
  self->settings_extras = g_steal_pointer (&other->settings_extras);
  cjm_extras_free (self->print_extras);
  self->print_extras = g_steal_pointer (&other->print_extras);
  cjm_item_set_in_document (self->map, FALSE);
  g_set_object (&self->map, other->map);
  self->ids_dirty = TRUE;
  g_free (self->etag);
  self->etag = g_strdup (other->etag);

  cjm_document_clear_history (self);
  emit_change (self, CJM_CHANGE_RELOADED, NULL, 0, 0, 0, 0);
  notify_history (self);
}
