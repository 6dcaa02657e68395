/* cjm-drafts.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One Keeper per window follows the window's document: changes start the
 * quiet timer (restarted by every change) and the longest-wait timer
 * (not restarted); when either fires, the map is serialized here and a
 * Job goes to the worker, a thread pool of one thread that writes and
 * removes drafts in the order they were asked for. A write and a later
 * removal of the same draft therefore never cross.
 */

#define G_LOG_DOMAIN "CjmDrafts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include "cjm-drafts.h"
#include "cjm-file-writer.h"
#include "cjm-recovery-dialog.h"

#define DEFAULT_DELAY_MS   3000
/* The longest wait between two drafts, as a multiple of the delay. */
#define MAX_WAIT_FACTOR    20
#define DRAFT_SUFFIX       ".draft.cjm"
#define INFO_SUFFIX        ".draft"
#define INFO_GROUP         "Draft"

typedef enum {
  JOB_WRITE,
  JOB_REMOVE,
} JobType;

typedef struct {
  JobType  type;
  char    *id;
  GBytes  *map;        /* JOB_WRITE */
  char    *info;       /* JOB_WRITE: the key file's text */
} Job;

typedef struct {
  CjmWindow   *window;           /* not a reference: the keeper is its data */
  CjmDocument *document;
  char        *id;
  gulong       changed_id;
  gulong       modified_id;
  guint        quiet_id;
  guint        longest_id;
  gboolean     has_draft;        /* a write was queued since the last removal */
} Keeper;

static GThreadPool *worker;
static GMutex       worker_mutex;
static GCond        worker_cond;
static guint        worker_pending;
static gint64       last_write_usec;

static void keeper_schedule (Keeper *keeper);

/* The worker */

static GFile *
draft_file (const char *id,
            const char *suffix)
{
  g_autofree char *folder = cjm_drafts_dup_folder ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_new_for_path (path);
}

static void
job_free (Job *job)
{
  g_free (job->id);
  g_clear_pointer (&job->map, g_bytes_unref);
  g_free (job->info);
  g_free (job);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  g_autoptr(GFile) map = draft_file (job->id, DRAFT_SUFFIX);
  g_autoptr(GFile) info = draft_file (job->id, INFO_SUFFIX);
  g_autoptr(GError) error = NULL;

  if (job->type == JOB_WRITE)
    {
      g_autofree char *folder = cjm_drafts_dup_folder ();
      g_autoptr(GBytes) text = g_bytes_new_static (job->info, strlen (job->info));
      gint64 start = g_get_monotonic_time ();

      /* The map first: a key file always has its map. */
      if (g_mkdir_with_parents (folder, 0700) != 0)
        g_warning ("Could not make the drafts folder %s: %s", folder, g_strerror (errno));
      else if (!cjm_file_writer_write_bytes (map, job->map, NULL, CJM_FILE_WRITER_DEFAULT, NULL,
                                             &error)
               || !cjm_file_writer_write_bytes (info, text, NULL, CJM_FILE_WRITER_DEFAULT, NULL,
                                                &error))
        g_warning ("Could not write a draft: %s", error->message);
      else
        {
          gint64 usec = g_get_monotonic_time () - start;

          g_mutex_lock (&worker_mutex);
          last_write_usec = usec;
          g_mutex_unlock (&worker_mutex);
          g_debug ("Draft %s: %zu bytes written in %" G_GINT64_FORMAT " µs", job->id,
                   g_bytes_get_size (job->map), usec);
        }
    }
  else
    {
      /* The key file first: a map without one is never offered. */
      if (!g_file_delete (info, NULL, &error)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Could not remove a draft: %s", error->message);
      g_clear_error (&error);
      if (!g_file_delete (map, NULL, &error)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Could not remove a draft: %s", error->message);
    }

  job_free (job);
  g_mutex_lock (&worker_mutex);
  worker_pending--;
  g_cond_broadcast (&worker_cond);
  g_mutex_unlock (&worker_mutex);
}

static void
queue_job (Job *job)
{
  g_autoptr(GError) error = NULL;

  if (worker == NULL)
    worker = g_thread_pool_new (run_job, NULL, 1, FALSE, &error);
  g_mutex_lock (&worker_mutex);
  worker_pending++;
  g_mutex_unlock (&worker_mutex);
  g_thread_pool_push (worker, job, NULL);
}

static char *
new_draft_id (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s-%d-%08x", stamp, (int) getpid (), g_random_int ());
}

static void
queue_write (CjmDocument *document,
             const char  *id)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *title = NULL;
  GFile *file = cjm_document_get_file (document);
  Job *job = g_new0 (Job, 1);
  gint64 start = g_get_monotonic_time ();

  title = cjm_document_dup_display_name (document);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (key_file, INFO_GROUP, "file", uri);
    }
  if (cjm_document_get_etag (document) != NULL)
    g_key_file_set_string (key_file, INFO_GROUP, "etag", cjm_document_get_etag (document));
  g_key_file_set_string (key_file, INFO_GROUP, "title", title);
  g_key_file_set_int64 (key_file, INFO_GROUP, "saved", g_date_time_to_unix (now));
  g_key_file_set_int64 (key_file, INFO_GROUP, "pid", getpid ());

  job->type = JOB_WRITE;
  job->id = g_strdup (id);
  job->map = cjm_document_serialize (document);
  job->info = g_key_file_to_data (key_file, NULL, NULL);
  g_debug ("Draft %s serialized in %" G_GINT64_FORMAT " µs", id, g_get_monotonic_time () - start);
  queue_job (job);
}

static void
queue_remove (const char *id)
{
  Job *job = g_new0 (Job, 1);

  job->type = JOB_REMOVE;
  job->id = g_strdup (id);
  queue_job (job);
}

/* The keeper of a window's draft */

static guint
delay_ms (void)
{
  const char *env = g_getenv ("JOURNEYMAN_DRAFT_DELAY_MS");
  guint64 value;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT / MAX_WAIT_FACTOR, &value,
                                                 NULL))
    return (guint) value;
  return DEFAULT_DELAY_MS;
}

static void
keeper_cancel_timers (Keeper *keeper)
{
  g_clear_handle_id (&keeper->quiet_id, g_source_remove);
  g_clear_handle_id (&keeper->longest_id, g_source_remove);
}

static void
keeper_write (Keeper *keeper)
{
  keeper_cancel_timers (keeper);
  if (keeper->document == NULL)
    return;
  queue_write (keeper->document, keeper->id);
  keeper->has_draft = TRUE;
}

static void
keeper_remove (Keeper *keeper)
{
  keeper_cancel_timers (keeper);
  if (!keeper->has_draft)
    return;
  queue_remove (keeper->id);
  keeper->has_draft = FALSE;
}

static gboolean
on_timer (gpointer data)
{
  Keeper *keeper = data;

  /* The caller forgot its own source (removed by returning); the other
   * timer is cancelled: this write serves both. */
  keeper_cancel_timers (keeper);
  if (keeper->document != NULL && cjm_document_get_modified (keeper->document))
    keeper_write (keeper);
  return G_SOURCE_REMOVE;
}

static gboolean
on_quiet_timer (gpointer data)
{
  Keeper *keeper = data;

  keeper->quiet_id = 0;
  return on_timer (data);
}

static gboolean
on_longest_timer (gpointer data)
{
  Keeper *keeper = data;

  keeper->longest_id = 0;
  return on_timer (data);
}

static void
keeper_schedule (Keeper *keeper)
{
  guint delay = delay_ms ();

  g_clear_handle_id (&keeper->quiet_id, g_source_remove);
  keeper->quiet_id = g_timeout_add (delay, on_quiet_timer, keeper);
  if (keeper->longest_id == 0)
    keeper->longest_id = g_timeout_add (delay * MAX_WAIT_FACTOR, on_longest_timer, keeper);
}

static void
on_document_changed (CjmDocument *document,
                     CjmChange   *change,
                     Keeper      *keeper)
{
  if (cjm_document_get_modified (document))
    keeper_schedule (keeper);
}

static void
on_document_modified (CjmDocument *document,
                      GParamSpec  *pspec,
                      Keeper      *keeper)
{
  /* Saved, reverted or undone back to the file: the draft has served. */
  if (!cjm_document_get_modified (document))
    keeper_remove (keeper);
  else if (keeper->quiet_id == 0)
    keeper_schedule (keeper);
}

static void
keeper_set_document (Keeper      *keeper,
                     CjmDocument *document)
{
  if (keeper->document != NULL)
    {
      g_clear_signal_handler (&keeper->changed_id, keeper->document);
      g_clear_signal_handler (&keeper->modified_id, keeper->document);
      g_clear_object (&keeper->document);
    }
  keeper_remove (keeper);

  if (document == NULL)
    return;
  keeper->document = g_object_ref (document);
  keeper->changed_id = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed),
                                         keeper);
  keeper->modified_id = g_signal_connect (document, "notify::modified",
                                          G_CALLBACK (on_document_modified), keeper);
  if (cjm_document_get_modified (document))
    keeper_schedule (keeper);
}

static void
on_window_document (CjmWindow  *window,
                    GParamSpec *pspec,
                    Keeper     *keeper)
{
  CjmDocument *document = cjm_window_get_document (window);

  if (document != keeper->document)
    keeper_set_document (keeper, document);
}

static void
on_window_destroy (CjmWindow *window,
                   Keeper    *keeper)
{
  /* Closed (the unsaved-changes question answered) or destroyed: the
   * draft goes with the window. */
  keeper_set_document (keeper, NULL);
}

static void
keeper_free (Keeper *keeper)
{
  keeper_set_document (keeper, NULL);
  g_free (keeper->id);
  g_free (keeper);
}

static Keeper *
get_keeper (CjmWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "cjm-drafts-keeper");
}

static void
attach (CjmWindow *window)
{
  Keeper *keeper;

  if (get_keeper (window) != NULL)
    return;
  keeper = g_new0 (Keeper, 1);
  keeper->window = window;
  keeper->id = new_draft_id ();
  g_object_set_data_full (G_OBJECT (window), "cjm-drafts-keeper", keeper,
                          (GDestroyNotify) keeper_free);
  g_signal_connect (window, "notify::document", G_CALLBACK (on_window_document), keeper);
  g_signal_connect (window, "destroy", G_CALLBACK (on_window_destroy), keeper);
  on_window_document (window, NULL, keeper);
}

/* The application */

static gboolean
is_process_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

/* TRUE when a window of this process keeps the draft id. */
static gboolean
is_kept_here (const char *id)
{
  GApplication *application = g_application_get_default ();

  if (!GTK_IS_APPLICATION (application))
    return FALSE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    {
      Keeper *keeper = CJM_IS_WINDOW (l->data) ? get_keeper (l->data) : NULL;

      if (keeper != NULL && g_strcmp0 (keeper->id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static CjmDraftInfo *
read_info (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *id = g_strndup (name, strlen (name) - strlen (INFO_SUFFIX));
  g_autofree char *uri = NULL;
  CjmDraftInfo *info;
  gint64 pid;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  pid = g_key_file_get_int64 (key_file, INFO_GROUP, "pid", NULL);
  if ((pid != getpid () && is_process_alive (pid)) || is_kept_here (id))
    return NULL;

  info = g_new0 (CjmDraftInfo, 1);
  info->id = g_steal_pointer (&id);
  info->draft = draft_file (info->id, DRAFT_SUFFIX);
  uri = g_key_file_get_string (key_file, INFO_GROUP, "file", NULL);
  if (uri != NULL)
    info->file = g_file_new_for_uri (uri);
  info->etag = g_key_file_get_string (key_file, INFO_GROUP, "etag", NULL);
  info->title = g_key_file_get_string (key_file, INFO_GROUP, "title", NULL);
  info->saved = g_date_time_new_from_unix_local (g_key_file_get_int64 (key_file, INFO_GROUP,
                                                                       "saved", NULL));
  if (!g_file_query_exists (info->draft, NULL))
    g_clear_pointer (&info, cjm_draft_info_free);
  return info;
}

static int
compare_saved (gconstpointer a,
               gconstpointer b)
{
  const CjmDraftInfo *x = *(CjmDraftInfo **) a;
  const CjmDraftInfo *y = *(CjmDraftInfo **) b;

  return g_date_time_compare (x->saved, y->saved);
}

static gboolean
offer_recovery (gpointer data)
{
  GtkApplication *application = data;
  g_autoptr(GPtrArray) drafts = cjm_drafts_list_orphans ();
  GtkWindow *parent = gtk_application_get_active_window (application);
  CjmRecoveryDialog *dialog;

  if (drafts->len == 0 || parent == NULL)
    return G_SOURCE_REMOVE;

  dialog = cjm_recovery_dialog_new (parent, drafts);
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  static gboolean offered;

  if (!CJM_IS_WINDOW (window))
    return;
  attach (CJM_WINDOW (window));
  if (!offered)
    {
      offered = TRUE;
      /* Once the window is shown and has taken any map it was given. */
      g_idle_add_full (G_PRIORITY_LOW, offer_recovery, g_object_ref (application),
                       g_object_unref);
    }
}

static void
on_shutdown (GApplication *application)
{
  cjm_drafts_flush ();
}

/* Public API */

void
cjm_draft_info_free (CjmDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_clear_object (&info->draft);
  g_clear_object (&info->file);
  g_free (info->etag);
  g_free (info->title);
  g_clear_pointer (&info->saved, g_date_time_unref);
  g_free (info);
}

CjmDocument *
cjm_draft_info_load (CjmDraftInfo  *info,
                     GError       **error)
{
  CjmDocument *document;

  g_return_val_if_fail (info != NULL, NULL);

  document = cjm_document_new_from_file (info->draft, error);
  if (document == NULL)
    return NULL;
  cjm_document_set_file (document, info->file);
  cjm_document_set_etag (document, info->etag);
  cjm_document_set_unsaved (document);
  return document;
}

void
cjm_draft_info_discard (CjmDraftInfo *info)
{
  g_return_if_fail (info != NULL);
  queue_remove (info->id);
}

void
cjm_drafts_init_application (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
  g_signal_connect (application, "shutdown", G_CALLBACK (on_shutdown), NULL);
}

char *
cjm_drafts_dup_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "drafts", NULL);
}

GPtrArray *
cjm_drafts_list_orphans (void)
{
  g_autofree char *folder = cjm_drafts_dup_folder ();
  g_autoptr(GDir) dir = NULL;
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) cjm_draft_info_free);
  const char *name;

  cjm_drafts_flush ();
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      CjmDraftInfo *info;

      if (!g_str_has_suffix (name, INFO_SUFFIX) || name[0] == '.')
        continue;
      if ((info = read_info (folder, name)) != NULL)
        g_ptr_array_add (drafts, info);
    }
  g_ptr_array_sort (drafts, compare_saved);
  return drafts;
}

CjmWindow *
cjm_drafts_recover (GtkApplication  *application,
                    CjmDraftInfo    *info,
                    GError         **error)
{
  g_autoptr(CjmDocument) document = NULL;
  CjmWindow *window = NULL;
  GtkWindow *active;
  Keeper *keeper;

  g_return_val_if_fail (CJM_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  document = cjm_draft_info_load (info, error);
  if (document == NULL)
    return NULL;

  active = gtk_application_get_active_window (application);
  if (CJM_IS_WINDOW (active) && cjm_window_is_pristine (CJM_WINDOW (active)))
    window = CJM_WINDOW (active);
  else
    window = cjm_window_new (CJM_APPLICATION (application), document);
  attach (window);
  keeper = get_keeper (window);

  /* The window keeps drafting to the recovered draft: closing it without
   * saving removes it, another crash leaves it. */
  keeper_set_document (keeper, NULL);
  g_free (keeper->id);
  keeper->id = g_strdup (info->id);
  cjm_window_set_document (window, document);
  on_window_document (window, NULL, keeper);
  keeper_write (keeper);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
cjm_drafts_write_now (CjmWindow *window)
{
  Keeper *keeper;

  g_return_if_fail (CJM_IS_WINDOW (window));

  keeper = get_keeper (window);
  if (keeper != NULL && keeper->document != NULL && cjm_document_get_modified (keeper->document))
    keeper_write (keeper);
}

void
cjm_drafts_keep_copy (CjmWindow *window)
{
  g_autofree char *id = new_draft_id ();
  CjmDocument *document;

  g_return_if_fail (CJM_IS_WINDOW (window));

  document = cjm_window_get_document (window);
  if (document != NULL)
    queue_write (document, id);
}

const char *
cjm_drafts_get_id (CjmWindow *window)
{
  Keeper *keeper;

  g_return_val_if_fail (CJM_IS_WINDOW (window), NULL);

  keeper = get_keeper (window);
  return keeper ? keeper->id : NULL;
}

void
cjm_drafts_flush (void)
{
  g_mutex_lock (&worker_mutex);
  while (worker_pending > 0)
    g_cond_wait (&worker_cond, &worker_mutex);
  g_mutex_unlock (&worker_mutex);
}

gint64
cjm_drafts_get_last_write_usec (void)
{
  gint64 usec;

  g_mutex_lock (&worker_mutex);
  usec = last_write_usec;
  g_mutex_unlock (&worker_mutex);
  return usec;
}
