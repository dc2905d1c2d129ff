#ifndef MEDIACAT_CEXIF_SHIM_H
#define MEDIACAT_CEXIF_SHIM_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libexif/exif-data.h>
#include <libexif/exif-log.h>
#include <libexif/exif-utils.h>
#include <libexif/exif-tag.h>

/* exif_data_get_entry is a macro; this is the same lookup as a function. */
static inline ExifEntry *mc_exif_get_entry(ExifData *data, ExifIfd ifd, ExifTag tag) {
    if (!data || ifd < 0 || ifd >= EXIF_IFD_COUNT || !data->ifd[ifd]) return NULL;
    return exif_content_get_entry(data->ifd[ifd], tag);
}

/* libexif reports problems through a variadic log callback, which Swift cannot implement.
   This callback keeps the first error-level message (and counts them) in a caller-owned buffer. */
typedef struct {
    char first[256];
    int errors;
} MCExifLogSink;

static inline void mc_exif_log_func(ExifLog *log, ExifLogCode code, const char *domain,
                                    const char *format, va_list args, void *data) {
    (void)log;
    MCExifLogSink *sink = (MCExifLogSink *)data;
    if (!sink || code == EXIF_LOG_CODE_NONE || code == EXIF_LOG_CODE_DEBUG) return;
    if (sink->errors++ == 0) {
        char message[200];
        vsnprintf(message, sizeof message, format, args);
        snprintf(sink->first, sizeof sink->first, "%s: %s", domain ? domain : "libexif", message);
    }
}

/* Attaches a sink to a fresh ExifData. Returns the ExifLog, which the caller unrefs. */
static inline ExifLog *mc_exif_attach_log(ExifData *data, MCExifLogSink *sink) {
    ExifLog *log = exif_log_new();
    if (!log) return NULL;
    exif_log_set_func(log, mc_exif_log_func, sink);
    exif_data_log(data, log);
    return log;
}

#endif
