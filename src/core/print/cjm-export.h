/* cjm-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export to files: a page plan (cjm-page-plan.h) as a PDF document, and
 * the whole map as one picture, with a title band and the legend, as SVG
 * or PNG. Every file is written through the atomic file writer
 * (cjm-file-writer.h): it appears only when complete, a symbolic link is
 * written through and stays a link, an existing file keeps its owner and
 * permissions, and a failure leaves the old file as it was.
 */

#pragma once

#include "cjm-page-plan.h"

G_BEGIN_DECLS

#define CJM_EXPORT_ERROR (cjm_export_error_quark ())

typedef enum {
  CJM_EXPORT_ERROR_FAILED,        /* cairo or the file system failed */
  CJM_EXPORT_ERROR_FORMAT,        /* unknown output format */
} CjmExportError;

typedef enum {
  CJM_EXPORT_PDF,
  CJM_EXPORT_SVG,
  CJM_EXPORT_PNG,
} CjmExportFormat;

GQuark        cjm_export_error_quark          (void);

/* Writes every page to a PDF file. The file appears only when complete. */
gboolean      cjm_page_plan_write_pdf         (CjmPagePlan        *self,
                                               const char         *filename,
                                               GError            **error);

/* The whole map as one picture (title band, map, legend): SVG (vector) or
 * PNG (scale 1.0 = 96 dpi). findings may be NULL; show_findings draws the
 * badges. The file appears only when complete. */
gboolean      cjm_export_image                (CjmDocument        *document,
                                               CjmExportFormat     format,
                                               const char         *filename,
                                               double              scale,
                                               GPtrArray          *findings,
                                               gboolean            show_findings,
                                               GError            **error);
#define CJM_THUMBNAIL_MIN_SIZE 16
#define CJM_THUMBNAIL_MAX_SIZE 4096

/* A thumbnail for file managers: a PNG of the map (headers and cards, in
 * the map's own language; no title band, legend or badges) whose larger
 * side is size pixels (CJM_THUMBNAIL_MIN_SIZE to _MAX_SIZE). The file
 * appears only when complete. */
gboolean      cjm_export_thumbnail            (CjmDocument        *document,
                                               const char         *filename,
                                               int                 size,
                                               GError            **error);
/* The format of an output file name ("map.pdf"), from its extension. */
gboolean      cjm_export_format_from_filename (const char         *filename,
                                               CjmExportFormat    *format);

G_END_DECLS
