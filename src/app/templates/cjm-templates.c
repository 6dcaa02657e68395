/* cjm-templates.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding, opening, saving and removing map templates.
 */

#define G_LOG_DOMAIN "CjmTemplates"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "cjm-file-writer.h"
#include "cjm-kinds.h"
#include "cjm-templates.h"

/* Helpers */

static CjmTemplate *
template_new (const char *path,
              gboolean    user)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmDocument) document = cjm_document_new_from_file (file, NULL);
  CjmTemplate *self;
  const char *title = NULL;

  if (document == NULL)
    return NULL;
  title = cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE);

  self = g_new0 (CjmTemplate, 1);
  self->path = g_strdup (path);
  self->user = user;
  if (title != NULL && *title != '\0')
    self->name = g_strdup (title);
  else
    {
      g_autofree char *base = g_path_get_basename (path);

      self->name = g_strndup (base, strlen (base) - strlen (".cjm"));
    }
  return self;
}

static gint
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  const CjmTemplate *ta = *(CjmTemplate **) a;
  const CjmTemplate *tb = *(CjmTemplate **) b;
  g_autofree char *base_a = g_path_get_basename (ta->path);
  g_autofree char *base_b = g_path_get_basename (tb->path);
  gboolean blank_a = g_strcmp0 (base_a, "blank.cjm") == 0 && !ta->user;
  gboolean blank_b = g_strcmp0 (base_b, "blank.cjm") == 0 && !tb->user;

  if (ta->user != tb->user)
    return ta->user ? 1 : -1;
  if (blank_a != blank_b)
    return blank_a ? -1 : 1;
  return g_utf8_collate (ta->name, tb->name);
}

static void
add_folder (GPtrArray  *templates,
            const char *folder,
            gboolean    user)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      CjmTemplate *template;

      if (!g_str_has_suffix (name, ".cjm"))
        continue;
      path = g_build_filename (folder, name, NULL);
      if ((template = template_new (path, user)) != NULL)
        g_ptr_array_add (templates, template);
      else
        g_warning ("Template %s could not be read", path);
    }
}

/* A file name for a template called @title: lower case, dashes. */
static char *
make_file_name (const char *title)
{
  GString *name = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (dash && name->len > 0)
            g_string_append_c (name, '-');
          g_string_append_unichar (name, g_unichar_tolower (c));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  if (name->len == 0)
    g_string_append (name, "template");
  return g_string_free (name, FALSE);
}

/* Public API */

void
cjm_template_free (CjmTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->name);
  g_free (self);
}

const char *
cjm_templates_get_system_dir (void)
{
  const char *dir = g_getenv ("JOURNEYMAN_TEMPLATESDIR");

  return dir != NULL && *dir != '\0' ? dir : TEMPLATESDIR;
}

char *
cjm_templates_dup_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "templates", NULL);
}

GPtrArray *
cjm_templates_list (void)
{
  GPtrArray *templates = g_ptr_array_new_with_free_func ((GDestroyNotify) cjm_template_free);
  g_autofree char *user_dir = cjm_templates_dup_user_dir ();

  add_folder (templates, cjm_templates_get_system_dir (), FALSE);
  add_folder (templates, user_dir, TRUE);
  g_ptr_array_sort (templates, compare_templates);
  return templates;
}

CjmTemplate *
cjm_templates_find (const char *basename)
{
  g_autoptr(GPtrArray) templates = cjm_templates_list ();

  g_return_val_if_fail (basename != NULL, NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      CjmTemplate *template = g_ptr_array_index (templates, i);
      g_autofree char *base = g_path_get_basename (template->path);

      if (g_strcmp0 (base, basename) == 0)
        return g_ptr_array_steal_index (templates, i);
    }
  return NULL;
}

CjmDocument *
cjm_template_instantiate (const CjmTemplate  *self,
                          GError            **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, NULL);

  display_name = g_path_get_basename (self->path);

  if (!g_file_get_contents (self->path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return cjm_document_new_from_bytes (bytes, display_name, error);
}

GFile *
cjm_templates_save (CjmDocument  *document,
                    GError      **error)
{
  g_autofree char *dir = cjm_templates_dup_user_dir ();
  g_autofree char *stem = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *title;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  title = cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE);
  stem = make_file_name (title);
  path = g_strdup_printf ("%s%s%s.cjm", dir, G_DIR_SEPARATOR_S, stem);
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s%s%s-%u.cjm", dir, G_DIR_SEPARATOR_S, stem, n);
    }

  file = g_file_new_for_path (path);
  bytes = cjm_document_serialize (document);
  if (!cjm_file_writer_write_bytes (file, bytes, NULL, CJM_FILE_WRITER_DEFAULT, NULL, error))
    return NULL;
  return g_steal_pointer (&file);
}

gboolean
cjm_template_remove (const CjmTemplate  *self,
                     GError            **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->user)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” is installed with Journeyman and cannot be removed"), self->name);
      return FALSE;
    }
  file = g_file_new_for_path (self->path);
  return g_file_delete (file, NULL, error);
}
