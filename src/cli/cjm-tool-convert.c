/* cjm-tool-convert.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cjm convert IN -o OUT`: .cjm to .json, .json to .cjm, or .cjm to .cjm (a
 * canonical re-save). The formats follow the file name extensions. The
 * output is written atomically: a failed convert leaves OUT as it was.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cjm-document.h"
#include "cjm-json.h"
#include "cjm-tool.h"

typedef enum {
  FORMAT_UNKNOWN,
  FORMAT_CJM,
  FORMAT_JSON,
} Format;

enum {
  EXIT_OK = 0,
  EXIT_WRITE_FAILED = 1,
  EXIT_BAD_INPUT = 2,
};

static Format
format_from_name (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FORMAT_UNKNOWN;
  if (g_ascii_strcasecmp (dot, ".cjm") == 0)
    return FORMAT_CJM;
  if (g_ascii_strcasecmp (dot, ".json") == 0)
    return FORMAT_JSON;
  return FORMAT_UNKNOWN;
}

static void
print_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
print_error (const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
}

/* Reads the whole input, refusing more than a map may hold before reading
 * it all. Messages name the file as the user typed it. */
static char *
read_input (const char *name,
            gsize      *length)
{
  GString *data;
  struct stat st;
  int fd;

  fd = g_open (name, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      print_error (_("%s: cannot open: %s"), name, g_strerror (errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      print_error (_("%s: cannot read: %s"), name, g_strerror (errno));
      close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      print_error (_("%s: is a folder, not a file"), name);
      close (fd);
      return NULL;
    }
  if (S_ISREG (st.st_mode) && st.st_size > CJM_MAX_FILE_SIZE)
    {
      print_error (_("%s: the file is larger than %d MiB"), name,
                   CJM_MAX_FILE_SIZE / (1024 * 1024));
      close (fd);
      return NULL;
    }

  data = g_string_sized_new (S_ISREG (st.st_mode) ? st.st_size + 1 : 65536);
  for (;;)
    {
      char buffer[65536];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          print_error (_("%s: cannot read: %s"), name, g_strerror (errno));
          close (fd);
          g_string_free (data, TRUE);
          return NULL;
        }
      if (n == 0)
        break;
      g_string_append_len (data, buffer, n);
      if (data->len > CJM_MAX_FILE_SIZE)
        {
          print_error (_("%s: the file is larger than %d MiB"), name,
                       CJM_MAX_FILE_SIZE / (1024 * 1024));
          close (fd);
          g_string_free (data, TRUE);
          return NULL;
        }
    }
  close (fd);

  *length = data->len;
  return g_string_free (data, FALSE);
}

int
cjm_tool_convert (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) doc = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) inputs = NULL;
  const char *input;
  Format in_format;
  Format out_format;
  gsize length = 0;
  gboolean saved;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the converted map to FILE (.cjm or .json)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("IN -o OUT") },
    { NULL }
  };

  context = cjm_tool_option_context ("convert", entries,
    _("Converts a journey map between .cjm and .json, or re-saves a .cjm file in the\n"
      "canonical layout. The formats follow the file name extensions. Nothing is lost\n"
      "either way (see docs/json.md for the JSON shape)."),
    _("Examples:\n"
      "  cjm convert map.cjm -o map.json\n"
      "  cjm convert map.json -o map.cjm\n"
      "  cjm convert old.cjm -o old.cjm\n"
      "\n"
      "OUT is replaced only once it is completely written.\n"
      "\n"
      "Exit status: 0 converted; 1 the output could not be written;\n"
      "2 bad usage, or the input could not be read or was refused\n"
      "(the reason is printed as FILE:LINE:COLUMN: reason)."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cjm_tool_usage_error (error->message);

  if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL || output == NULL)
    return cjm_tool_usage_error (inputs != NULL && inputs[0] != NULL && inputs[1] != NULL
                                 ? _("give one input file")
                                 : output == NULL ? _("give the output file with -o OUT")
                                                  : _("give the input file"));

  input = inputs[0];
  in_format = format_from_name (input);
  out_format = format_from_name (output);
  if (in_format == FORMAT_UNKNOWN || out_format == FORMAT_UNKNOWN)
    {
      print_error (_("%s: cannot tell the format: the name must end in .cjm or .json"),
                   in_format == FORMAT_UNKNOWN ? input : output);
      return EXIT_BAD_INPUT;
    }

  data = read_input (input, &length);
  if (data == NULL)
    return EXIT_BAD_INPUT;

  if (in_format == FORMAT_JSON)
    doc = cjm_document_new_from_json_data (data, length, input, &error);
  else
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);

      doc = cjm_document_new_from_bytes (bytes, input, &error);
    }
  if (doc == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_BAD_INPUT;
    }

  out_file = g_file_new_for_commandline_arg (output);
  if (out_format == FORMAT_JSON)
    saved = cjm_document_save_json (doc, out_file, &error);
  else
    saved = cjm_document_save (doc, out_file, CJM_SAVE_FORCE | CJM_SAVE_NO_BACKUP, &error);
  if (!saved)
    {
      print_error ("%s", error->message);
      return EXIT_WRITE_FAILED;
    }

  return EXIT_OK;
}
