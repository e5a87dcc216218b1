// The C boundary between Crosswalk and the system ICU library.
//
// Only shim.c includes ICU headers. This header shows plain C types and opaque handles, because
// Foundation on Linux carries ICU headers of its own and a Swift module that sees both does not
// build, and because ICU renames its symbols per version (utrans_openU_72), which Swift cannot
// call by their documented names.
//
// Conventions: every function that can fail takes `int32_t *status` (an ICU UErrorCode value:
// 0 is success, negative a warning, positive a failure). Text goes in as UTF-16 (or UTF-8, on the hot paths for names) plus a length
// and comes out into a buffer the caller provides; the return value is the length the output
// needed, so a caller can retry once with a larger buffer after CICU_BUFFER_OVERFLOW.
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's U_BUFFER_OVERFLOW_ERROR: the output needs the returned length.
#define CICU_BUFFER_OVERFLOW 15
/// ICU's U_ILLEGAL_ARGUMENT_ERROR.
#define CICU_ILLEGAL_ARGUMENT 1

/// The symbolic name of an ICU status code ("U_INVALID_ID", …).
const char *cicu_error_name(int32_t status);
/// The ICU version this process runs on ("72.1").
void cicu_version(char *out, int32_t capacity);

// MARK: Transliteration

typedef struct cicu_translit cicu_translit;

/// Parse diagnostics for rules text: 1-based line and 0-based offset in that line, with context.
typedef struct cicu_parse_error {
  int32_t line;
  int32_t offset;
  uint16_t pre_context[16];
  uint16_t post_context[16];
} cicu_parse_error;

/// Opens a transliterator by ICU id ("Russian-Latin/BGN", "NFD; [:Mn:] Remove; NFC").
cicu_translit *cicu_translit_open_id(const uint16_t *id, int32_t id_length, int32_t *status);
/// Compiles a rule-based transliterator from rules text; `parse_error` may be NULL.
cicu_translit *cicu_translit_open_rules(const uint16_t *id, int32_t id_length,
                                        const uint16_t *rules, int32_t rules_length,
                                        cicu_parse_error *parse_error, int32_t *status);
/// A private copy of a compiled transliterator: much cheaper than compiling again.
cicu_translit *cicu_translit_clone(const cicu_translit *translit, int32_t *status);
void cicu_translit_close(cicu_translit *translit);

/// Transliterates UTF-8 `text` into UTF-8 `out` (converting through UTF-16 inside); returns the
/// byte length the result needs. The hot path for short strings such as names.
int32_t cicu_translit_apply_utf8(const cicu_translit *translit, const char *text, int32_t length,
                                 char *out, int32_t capacity, int32_t *status);

/// The code points the transliterator's rules can change (its source set), as inclusive
/// ranges: `ranges[2i]...ranges[2i+1]`. Returns the number of ranges.
int32_t cicu_translit_source_ranges(const cicu_translit *translit, uint32_t *ranges,
                                    int32_t capacity, int32_t *status);

/// The code points of a Unicode set pattern ("[[:Latin:]-[a-zA-Z]]", "[:Mn:]"), white space
/// ignored as in transform rules, as inclusive ranges like `cicu_translit_source_ranges`.
/// Returns the number of ranges, or -1 when the set holds strings as well as code points.
int32_t cicu_set_pattern_ranges(const uint16_t *pattern, int32_t length, uint32_t *ranges,
                                int32_t capacity, int32_t *status);

// MARK: Normalization

typedef enum cicu_normal_form {
  CICU_NFC = 0,
  CICU_NFD = 1,
  CICU_NFKC = 2,
  CICU_NFKD = 3,
  CICU_NFKC_CASEFOLD = 4
} cicu_normal_form;

/// Normalizes UTF-8 `text` into UTF-8 `out`; returns the byte length the result needs.
int32_t cicu_normalize_utf8(cicu_normal_form form, const char *text, int32_t length, char *out,
                            int32_t capacity, int32_t *status);
/// 1 when UTF-8 `text` is certainly in the form already (ICU's quick check says yes), else 0.
int32_t cicu_is_normalized_utf8(cicu_normal_form form, const char *text, int32_t length,
                                int32_t *status);

// MARK: Scripts

/// The ICU script code (UScriptCode) of a code point; 0 is Common, 1 Inherited.
int32_t cicu_script_of(uint32_t code_point, int32_t *status);
/// The script's ISO 15924 short name ("Cyrl"), or "" for an unknown code.
const char *cicu_script_short_name(int32_t script);
/// The script's long name ("Cyrillic"), or "" for an unknown code.
const char *cicu_script_long_name(int32_t script);
/// The Script_Extensions of a code point into `out`; returns how many it has.
int32_t cicu_script_extensions(uint32_t code_point, int32_t *out, int32_t capacity,
                               int32_t *status);

// MARK: Break iteration

typedef struct cicu_breaker cicu_breaker;

typedef enum cicu_break_kind {
  CICU_BREAK_CHARACTER = 0,
  CICU_BREAK_WORD = 1,
  CICU_BREAK_LINE = 2,
  CICU_BREAK_SENTENCE = 3
} cicu_break_kind;

/// Opens a break iterator for a locale ("ja", "ru", "" for the root rules).
cicu_breaker *cicu_breaker_open(cicu_break_kind kind, const char *locale, int32_t *status);
cicu_breaker *cicu_breaker_clone(const cicu_breaker *breaker, int32_t *status);
void cicu_breaker_close(cicu_breaker *breaker);
/// Every boundary of `text` (UTF-16 offsets, 0 and `length` included) with the rule status of
/// the segment ending there; returns the number of boundaries (at most length + 1).
int32_t cicu_breaker_boundaries(cicu_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t *boundaries, int32_t *rule_status, int32_t capacity,
                                int32_t *status);

// MARK: Spoof checking

typedef struct cicu_spoof cicu_spoof;

/// Our own flags for what a check found, independent of ICU's bit values.
typedef enum cicu_spoof_flag {
  CICU_SPOOF_MIXED_SCRIPT = 1,       /// scripts mixed beyond ICU's highly restrictive level
  CICU_SPOOF_MIXED_CONFUSABLE = 2,   /// mixed scripts and a part is confusable with another script
  CICU_SPOOF_WHOLE_CONFUSABLE = 4,   /// the whole string confusable with one in another script
  CICU_SPOOF_MIXED_NUMBERS = 8,      /// digits from several numbering systems
  CICU_SPOOF_INVISIBLE = 16          /// invisible characters or repeated combining marks
} cicu_spoof_flag;

cicu_spoof *cicu_spoof_open(int32_t *status);
cicu_spoof *cicu_spoof_clone(const cicu_spoof *checker, int32_t *status);
void cicu_spoof_close(cicu_spoof *checker);
/// The cicu_spoof_flag bits that apply to `text`.
int32_t cicu_spoof_check(const cicu_spoof *checker, const uint16_t *text, int32_t length,
                         int32_t *status);
/// The confusable skeleton (UTS #39) of `text` into `out`; returns the length it needs.
int32_t cicu_spoof_skeleton(const cicu_spoof *checker, const uint16_t *text, int32_t length,
                            uint16_t *out, int32_t capacity, int32_t *status);

// MARK: Charsets

typedef struct cicu_detector cicu_detector;
typedef struct cicu_converter cicu_converter;

/// One guess of the charset detector.
typedef struct cicu_charset_match {
  char name[48];
  char language[16];
  int32_t confidence; /// 0…100
} cicu_charset_match;

cicu_detector *cicu_detector_open(int32_t *status);
void cicu_detector_close(cicu_detector *detector);
/// The detector's guesses for `bytes`, best first, into `out`; returns how many it made.
int32_t cicu_detector_detect(cicu_detector *detector, const char *bytes, int32_t length,
                             cicu_charset_match *out, int32_t capacity, int32_t *status);

/// Opens a converter by charset name or alias ("windows-1251", "Shift_JIS", "UTF-16LE").
cicu_converter *cicu_converter_open(const char *name, int32_t *status);
void cicu_converter_close(cicu_converter *converter);
/// ICU's canonical name of the converter's charset.
const char *cicu_converter_name(const cicu_converter *converter, int32_t *status);
/// Decodes `bytes` to UTF-16; every undecodable byte sequence becomes U+FFFD and is counted in
/// `replaced`. Returns the length the output needs.
int32_t cicu_converter_decode(cicu_converter *converter, const char *bytes, int32_t length,
                              uint16_t *out, int32_t capacity, int32_t *replaced, int32_t *status);
/// Encodes UTF-16 to the charset; unmappable characters become the charset's substitute and are
/// counted in `replaced`. Returns the length the output needs.
int32_t cicu_converter_encode(cicu_converter *converter, const uint16_t *text, int32_t length,
                              char *out, int32_t capacity, int32_t *replaced, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
