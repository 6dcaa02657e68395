/* cjm-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File output: cairo's PDF, SVG and PNG surfaces write to the stream of
 * the atomic file writer, which puts the file in place only when it is
 * complete.
 */

#define G_LOG_DOMAIN "cjm-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "cjm-export.h"
#include "cjm-file-writer.h"
#include "cjm-page-plan-private.h"

G_DEFINE_QUARK (cjm-export-error-quark, cjm_export_error)

typedef struct {
  CjmLayout       *layout;
  CjmExportFormat  format;
  double           scale;
  gboolean         show_findings;
  gboolean         bare;           /* the map alone: no title band (thumbnails) */
  double           width;          /* map units */
  double           band;           /* the title band's height */
  int              pixel_width;    /* PNG */
  int              pixel_height;
} Picture;

/* Where cairo writes: the writer's stream; the first error is kept. */
typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL
      || !g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                     &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The sink's error, else cairo's; TRUE when there is neither. */
static gboolean
sink_finish (Sink            *sink,
             cairo_status_t   status,
             GError         **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Through the atomic file writer; its errors become CJM_EXPORT_ERROR_FAILED. */
static gboolean
write_file (const char         *filename,
            CjmFileWriterFunc   func,
            gpointer            user_data,
            GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  g_autoptr(GError) local_error = NULL;

  if (cjm_file_writer_write (file, NULL, CJM_FILE_WRITER_DEFAULT, func, user_data, NULL,
                             &local_error))
    return TRUE;
  g_set_error_literal (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FAILED, local_error->message);
  return FALSE;
}

static gboolean
write_pdf (GOutputStream  *stream,
           gpointer        user_data,
           GCancellable   *cancellable,
           GError        **error)
{
  CjmPagePlan *self = user_data;
  CjmItem *map = cjm_document_get_map (self->document);
  Sink sink = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;
  gboolean ok;

  cjm_page_plan_get_page_size (self, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, w, h);
  if (cjm_item_get_field (map, CJM_FIELD_TITLE))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, cjm_item_get_field (map, CJM_FIELD_TITLE));
  if (cjm_item_get_field (map, CJM_FIELD_AUTHOR))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, cjm_item_get_field (map, CJM_FIELD_AUTHOR));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Journeyman " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint page = 0; page < cjm_page_plan_get_n_pages (self); page++)
    {
      cjm_page_plan_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  ok = sink_finish (&sink, cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);
  return ok;
}

/* The title band above a whole-map picture; returns its height. */
static double
draw_title_band (CjmLayout *layout,
                 cairo_t   *cr,
                 double     width)
{
  CjmDocument *document = cjm_layout_get_document (layout);
  CjmItem *map = cjm_document_get_map (document);
  const char *title = cjm_item_get_field (map, CJM_FIELD_TITLE);
  const char *desc = cjm_item_get_field (map, CJM_FIELD_DESCRIPTION);
  CjmRect box = { 24, 18, width - 48, 0 };
  double y;

  y = 18 + cjm_layout_get_line_height (layout, CJM_FONT_HEADING);
  if (desc != NULL && *desc != '\0')
    y += 4 + cjm_layout_get_line_height (layout, CJM_FONT_BODY);
  y += 18;

  if (cr == NULL)
    return y;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, y);
  cairo_fill (cr);
  box.y += cjm_render_text (layout, cr, CJM_FONT_HEADING, title ? title : "", &box, 1, 0, &c_page_text) + 4;
  if (desc != NULL && *desc != '\0')
    cjm_render_text (layout, cr, CJM_FONT_BODY, desc, &box, 1, 0, &c_page_dim);
  cairo_restore (cr);
  return y;
}

static void
draw_picture (const Picture   *picture,
              cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  CjmRenderOptions options;

  if (picture->format == CJM_EXPORT_PNG)
    cairo_scale (cr, picture->scale, picture->scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (!picture->bare)
    draw_title_band (picture->layout, cr, picture->width);
  cairo_translate (cr, 0, picture->band);

  cjm_render_options_init (&options);
  options.draw_findings = picture->show_findings;
  options.print = picture->format == CJM_EXPORT_SVG;
  cjm_render_draw (picture->layout, cjm_layout_get_document (picture->layout), cr, &options);
  cairo_destroy (cr);
}

static gboolean
write_picture (GOutputStream  *stream,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  const Picture *picture = user_data;
  Sink sink = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok;

  if (picture->format == CJM_EXPORT_SVG)
    {
      double map_h;

      cjm_layout_get_size (picture->layout, NULL, &map_h);
      surface = cairo_svg_surface_create_for_stream (sink_write, &sink, picture->width,
                                                     picture->band + map_h);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, picture->pixel_width,
                                          picture->pixel_height);

  draw_picture (picture, surface);
  if (picture->format == CJM_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, &sink);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  ok = sink_finish (&sink, status, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* Public API */

gboolean
cjm_page_plan_write_pdf (CjmPagePlan  *self,
                         const char   *filename,
                         GError      **error)
{
  g_return_val_if_fail (CJM_IS_PAGE_PLAN (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  return write_file (filename, write_pdf, self, error);
}

gboolean
cjm_export_format_from_filename (const char      *filename,
                                 CjmExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);

  dot = strrchr (filename, '.');
  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = CJM_EXPORT_PDF;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = CJM_EXPORT_SVG;
  else if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = CJM_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

gboolean
cjm_export_image (CjmDocument     *document,
                  CjmExportFormat  format,
                  const char      *filename,
                  double           scale,
                  GPtrArray       *findings,
                  gboolean         show_findings,
                  GError         **error)
{
  g_autoptr(CjmLayout) layout = NULL;
  CjmLayoutOptions options;
  Picture picture;
  double map_h;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (format != CJM_EXPORT_SVG && format != CJM_EXPORT_PNG)
    {
      g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FORMAT,
                   _("Only SVG and PNG are single pictures; use a page plan for PDF"));
      return FALSE;
    }
  if (!(scale > 0.05 && scale <= 16))
    scale = 1;

  cjm_layout_options_init (&options);
  options.show_findings = show_findings && findings != NULL;
  options.findings = findings;
  options.show_legend = TRUE;
  layout = cjm_layout_new (document, &options);

  picture = (Picture) { layout, format, scale, show_findings, FALSE };
  cjm_layout_get_size (layout, &picture.width, &map_h);
  picture.band = draw_title_band (layout, NULL, picture.width);
  picture.pixel_width = (int) ceil (picture.width * scale);
  picture.pixel_height = (int) ceil ((picture.band + map_h) * scale);
  if (format == CJM_EXPORT_PNG && (picture.pixel_width > 32767 || picture.pixel_height > 32767))
    {
      g_autofree char *display = g_filename_display_name (filename);

      g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %d × %d pixels is too large for PNG; choose a smaller scale"),
                   display, picture.pixel_width, picture.pixel_height);
      return FALSE;
    }

  return write_file (filename, write_picture, &picture, error);
}

gboolean
cjm_export_thumbnail (CjmDocument  *document,
                      const char   *filename,
                      int           size,
                      GError      **error)
{
  g_autoptr(CjmLayout) layout = NULL;
  Picture picture;
  double map_h;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (size >= CJM_THUMBNAIL_MIN_SIZE && size <= CJM_THUMBNAIL_MAX_SIZE, FALSE);

  /* the map as the canvas shows it, without badges or a legend: at this
   * size they would only be noise */
  layout = cjm_layout_new (document, NULL);
  picture = (Picture) { layout, CJM_EXPORT_PNG, 1, FALSE, TRUE };
  cjm_layout_get_size (layout, &picture.width, &map_h);
  picture.scale = size / MAX (picture.width, map_h);
  picture.pixel_width = CLAMP ((int) round (picture.width * picture.scale), 1, size);
  picture.pixel_height = CLAMP ((int) round (map_h * picture.scale), 1, size);

  return write_file (filename, write_picture, &picture, error);
}
