// The one file that includes ICU headers (see CICUShim.h for the conventions).
#include "CICUShim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utrans.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

// Opaque handles are the ICU handles themselves, cast at this boundary only.
#define TRANSLIT(p) ((UTransliterator *)(p))
#define BREAKER(p) ((UBreakIterator *)(p))
#define SPOOF(p) ((USpoofChecker *)(p))
#define DETECTOR(p) ((UCharsetDetector *)(p))
#define CONVERTER(p) ((UConverter *)(p))

static int failed(const int32_t *status) { return U_FAILURE((UErrorCode)*status); }

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void cicu_version(char *out, int32_t capacity) {
  UVersionInfo info;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(info);
  u_versionToString(info, text);
  if (capacity > 0) {
    strncpy(out, text, (size_t)capacity - 1);
    out[capacity - 1] = 0;
  }
}

// MARK: Transliteration

cicu_translit *cicu_translit_open_id(const uint16_t *id, int32_t id_length, int32_t *status) {
  if (failed(status)) return NULL;
  UTransliterator *t =
      utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, NULL, 0, NULL, (UErrorCode *)status);
  return (cicu_translit *)t;
}

cicu_translit *cicu_translit_open_rules(const uint16_t *id, int32_t id_length,
                                        const uint16_t *rules, int32_t rules_length,
                                        cicu_parse_error *parse_error, int32_t *status) {
  if (failed(status)) return NULL;
  UParseError pe;
  memset(&pe, 0, sizeof pe);
  UTransliterator *t = utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD,
                                    (const UChar *)rules, rules_length, &pe, (UErrorCode *)status);
  if (parse_error != NULL) {
    parse_error->line = pe.line;
    parse_error->offset = pe.offset;
    memcpy(parse_error->pre_context, pe.preContext, sizeof parse_error->pre_context);
    memcpy(parse_error->post_context, pe.postContext, sizeof parse_error->post_context);
  }
  return (cicu_translit *)t;
}

cicu_translit *cicu_translit_clone(const cicu_translit *translit, int32_t *status) {
  if (failed(status)) return NULL;
  return (cicu_translit *)utrans_clone((const UTransliterator *)translit, (UErrorCode *)status);
}

void cicu_translit_close(cicu_translit *translit) {
  if (translit != NULL) utrans_close(TRANSLIT(translit));
}

// UTF-16 scratch space: on the stack for short strings, on the heap beyond.
typedef struct scratch {
  UChar small[512];
  UChar *data;
  int32_t capacity;
} scratch;

static UChar *scratch_reserve(scratch *s, int32_t capacity, int32_t *status) {
  if (capacity <= (int32_t)(sizeof s->small / sizeof(UChar))) {
    s->data = s->small;
    s->capacity = (int32_t)(sizeof s->small / sizeof(UChar));
    return s->data;
  }
  s->data = (UChar *)malloc((size_t)capacity * sizeof(UChar));
  if (s->data == NULL) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  s->capacity = capacity;
  return s->data;
}

static void scratch_release(scratch *s) {
  if (s->data != NULL && s->data != s->small) free(s->data);
  s->data = NULL;
}

// UTF-8 in, UTF-16 scratch out; returns the UTF-16 length.
static int32_t utf8_to_scratch(const char *text, int32_t length, scratch *s, int32_t extra,
                               int32_t *status) {
  int32_t units = 0;
  // A UTF-8 string never needs more UTF-16 units than it has bytes.
  if (scratch_reserve(s, length + extra + 1, status) == NULL) return 0;
  u_strFromUTF8WithSub(s->data, s->capacity, &units, text, length, 0xFFFD, NULL,
                       (UErrorCode *)status);
  return units;
}

int32_t cicu_translit_apply_utf8(const cicu_translit *translit, const char *text, int32_t length,
                                 char *out, int32_t capacity, int32_t *status) {
  if (failed(status)) return 0;
  if (length < 0 || capacity < 0 || length > INT32_MAX / 8) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return 0;
  }
  scratch buffer = {.data = NULL};
  // Transliteration works in place and may lengthen text (щ → shch): start with room for four
  // times the input and grow fourfold while ICU reports an overflow.
  int32_t extra = 3 * length + 16;
  int32_t units = 0;
  for (;;) {
    units = utf8_to_scratch(text, length, &buffer, extra, status);
    if (failed(status)) break;
    int32_t limit = units;
    utrans_transUChars((const UTransliterator *)translit, buffer.data, &units, buffer.capacity, 0,
                       &limit, (UErrorCode *)status);
    if (*status != U_BUFFER_OVERFLOW_ERROR || extra > INT32_MAX / 8) break;
    *status = U_ZERO_ERROR;
    scratch_release(&buffer);
    extra = 4 * (length + extra);
  }
  int32_t needed = 0;
  if (!failed(status)) {
    u_strToUTF8WithSub(out, capacity, &needed, buffer.data, units, 0xFFFD, NULL,
                       (UErrorCode *)status);
  }
  scratch_release(&buffer);
  return needed;
}

// A set's code point ranges into `ranges` (as many as fit); their number, with
// U_BUFFER_OVERFLOW_ERROR when they do not all fit.
static int32_t copy_ranges(const USet *set, uint32_t *ranges, int32_t capacity, int32_t *status) {
  int32_t count = uset_getRangeCount(set);
  for (int32_t i = 0; i < count && 2 * i + 1 < capacity; i++) {
    UChar32 start = 0, end = 0;
    UErrorCode item_status = U_ZERO_ERROR;
    uset_getItem(set, i, &start, &end, NULL, 0, &item_status);
    ranges[2 * i] = (uint32_t)start;
    ranges[2 * i + 1] = (uint32_t)end;
  }
  if (2 * count > capacity) *status = U_BUFFER_OVERFLOW_ERROR;
  return count;
}

int32_t cicu_translit_source_ranges(const cicu_translit *translit, uint32_t *ranges,
                                    int32_t capacity, int32_t *status) {
  if (failed(status)) return 0;
  USet *set = uset_openEmpty();
  if (set == NULL) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return 0;
  }
  utrans_getSourceSet((const UTransliterator *)translit, 0, set, (UErrorCode *)status);
  int32_t count = failed(status) ? 0 : copy_ranges(set, ranges, capacity, status);
  uset_close(set);
  return count;
}

int32_t cicu_set_pattern_ranges(const uint16_t *pattern, int32_t length, uint32_t *ranges,
                                int32_t capacity, int32_t *status) {
  if (failed(status)) return 0;
  USet *set = uset_openPatternOptions(pattern, length, USET_IGNORE_SPACE, (UErrorCode *)status);
  if (failed(status) || set == NULL) {
    if (set != NULL) uset_close(set);
    return 0;
  }
  // A set with strings in it ({ab}) is not a set of code points.
  int32_t count =
      uset_getItemCount(set) == uset_getRangeCount(set) ? copy_ranges(set, ranges, capacity, status) : -1;
  uset_close(set);
  return count;
}

// MARK: Normalization

static const UNormalizer2 *normalizer(cicu_normal_form form, int32_t *status) {
  switch (form) {
  case CICU_NFC: return unorm2_getNFCInstance((UErrorCode *)status);
  case CICU_NFD: return unorm2_getNFDInstance((UErrorCode *)status);
  case CICU_NFKC: return unorm2_getNFKCInstance((UErrorCode *)status);
  case CICU_NFKD: return unorm2_getNFKDInstance((UErrorCode *)status);
  case CICU_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance((UErrorCode *)status);
  }
  *status = U_ILLEGAL_ARGUMENT_ERROR;
  return NULL;
}

int32_t cicu_normalize_utf8(cicu_normal_form form, const char *text, int32_t length, char *out,
                            int32_t capacity, int32_t *status) {
  if (failed(status)) return 0;
  if (length < 0 || capacity < 0 || length > INT32_MAX / 8) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return 0;
  }
  const UNormalizer2 *n = normalizer(form, status);
  if (failed(status)) return 0;
  scratch source = {.data = NULL}, result = {.data = NULL};
  int32_t units = utf8_to_scratch(text, length, &source, 0, status);
  int32_t needed = 0;
  // NFKC can expand a character up to 18 times; retry with the exact size when it does.
  int32_t produced = 0;
  if (!failed(status) && scratch_reserve(&result, 3 * units + 16, status) != NULL) {
    produced = unorm2_normalize(n, source.data, units, result.data, result.capacity,
                                (UErrorCode *)status);
    if (*status == U_BUFFER_OVERFLOW_ERROR) {
      *status = U_ZERO_ERROR;
      scratch_release(&result);
      if (scratch_reserve(&result, produced + 1, status) != NULL) {
        produced = unorm2_normalize(n, source.data, units, result.data, result.capacity,
                                    (UErrorCode *)status);
      }
    }
  }
  if (!failed(status)) {
    u_strToUTF8WithSub(out, capacity, &needed, result.data, produced, 0xFFFD, NULL,
                       (UErrorCode *)status);
  }
  scratch_release(&source);
  scratch_release(&result);
  return needed;
}

int32_t cicu_is_normalized_utf8(cicu_normal_form form, const char *text, int32_t length,
                                int32_t *status) {
  if (failed(status)) return 0;
  const UNormalizer2 *n = normalizer(form, status);
  if (failed(status)) return 0;
  scratch source = {.data = NULL};
  int32_t units = utf8_to_scratch(text, length, &source, 0, status);
  int32_t span = failed(status) ? 0 : unorm2_spanQuickCheckYes(n, source.data, units, (UErrorCode *)status);
  scratch_release(&source);
  return (!failed(status) && span == units) ? 1 : 0;
}

// MARK: Scripts

int32_t cicu_script_of(uint32_t code_point, int32_t *status) {
  if (failed(status)) return USCRIPT_INVALID_CODE;
  return (int32_t)uscript_getScript((UChar32)code_point, (UErrorCode *)status);
}

const char *cicu_script_short_name(int32_t script) {
  const char *name = uscript_getShortName((UScriptCode)script);
  return name != NULL ? name : "";
}

const char *cicu_script_long_name(int32_t script) {
  const char *name = uscript_getName((UScriptCode)script);
  return name != NULL ? name : "";
}

int32_t cicu_script_extensions(uint32_t code_point, int32_t *out, int32_t capacity,
                               int32_t *status) {
  if (failed(status)) return 0;
  UScriptCode codes[32];
  int32_t count = uscript_getScriptExtensions((UChar32)code_point, codes, 32, (UErrorCode *)status);
  if (failed(status)) return count;
  for (int32_t i = 0; i < count && i < capacity; i++) out[i] = (int32_t)codes[i];
  if (count > capacity) *status = U_BUFFER_OVERFLOW_ERROR;
  return count;
}

// MARK: Break iteration

static const UChar empty_text[1] = {0};

cicu_breaker *cicu_breaker_open(cicu_break_kind kind, const char *locale, int32_t *status) {
  if (failed(status)) return NULL;
  UBreakIteratorType type;
  switch (kind) {
  case CICU_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
  case CICU_BREAK_WORD: type = UBRK_WORD; break;
  case CICU_BREAK_LINE: type = UBRK_LINE; break;
  case CICU_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
  default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
  }
  return (cicu_breaker *)ubrk_open(type, locale, empty_text, 0, (UErrorCode *)status);
}

cicu_breaker *cicu_breaker_clone(const cicu_breaker *breaker, int32_t *status) {
  if (failed(status)) return NULL;
  return (cicu_breaker *)ubrk_clone((const UBreakIterator *)breaker, (UErrorCode *)status);
}

void cicu_breaker_close(cicu_breaker *breaker) {
  if (breaker != NULL) ubrk_close(BREAKER(breaker));
}

int32_t cicu_breaker_boundaries(cicu_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t *boundaries, int32_t *rule_status, int32_t capacity,
                                int32_t *status) {
  if (failed(status)) return 0;
  UBreakIterator *b = BREAKER(breaker);
  ubrk_setText(b, length > 0 ? (const UChar *)text : empty_text, length, (UErrorCode *)status);
  if (failed(status)) return 0;
  int32_t count = 0;
  for (int32_t at = ubrk_first(b); at != UBRK_DONE; at = ubrk_next(b)) {
    if (count < capacity) {
      boundaries[count] = at;
      if (rule_status != NULL) rule_status[count] = ubrk_getRuleStatus(b);
    }
    count++;
  }
  // The iterator must not keep a pointer into the caller's buffer.
  UErrorCode reset = U_ZERO_ERROR;
  ubrk_setText(b, empty_text, 0, &reset);
  if (count > capacity) *status = U_BUFFER_OVERFLOW_ERROR;
  return count;
}

// MARK: Spoof checking

cicu_spoof *cicu_spoof_open(int32_t *status) {
  if (failed(status)) return NULL;
  USpoofChecker *sc = uspoof_open((UErrorCode *)status);
  if (failed(status)) return NULL;
  uspoof_setRestrictionLevel(sc, USPOOF_HIGHLY_RESTRICTIVE);
  uspoof_setChecks(sc,
                   USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_SCRIPT_CONFUSABLE |
                       USPOOF_WHOLE_SCRIPT_CONFUSABLE | USPOOF_MIXED_NUMBERS | USPOOF_INVISIBLE,
                   (UErrorCode *)status);
  if (failed(status)) {
    uspoof_close(sc);
    return NULL;
  }
  return (cicu_spoof *)sc;
}

cicu_spoof *cicu_spoof_clone(const cicu_spoof *checker, int32_t *status) {
  if (failed(status)) return NULL;
  return (cicu_spoof *)uspoof_clone((const USpoofChecker *)checker, (UErrorCode *)status);
}

void cicu_spoof_close(cicu_spoof *checker) {
  if (checker != NULL) uspoof_close(SPOOF(checker));
}

int32_t cicu_spoof_check(const cicu_spoof *checker, const uint16_t *text, int32_t length,
                         int32_t *status) {
  if (failed(status)) return 0;
  int32_t bits =
      uspoof_check2((const USpoofChecker *)checker, (const UChar *)text, length, NULL,
                    (UErrorCode *)status);
  if (failed(status)) return 0;
  int32_t flags = 0;
  if (bits & USPOOF_RESTRICTION_LEVEL) flags |= CICU_SPOOF_MIXED_SCRIPT;
  if (bits & USPOOF_MIXED_SCRIPT_CONFUSABLE) flags |= CICU_SPOOF_MIXED_CONFUSABLE;
  if (bits & USPOOF_WHOLE_SCRIPT_CONFUSABLE) flags |= CICU_SPOOF_WHOLE_CONFUSABLE;
  if (bits & USPOOF_MIXED_NUMBERS) flags |= CICU_SPOOF_MIXED_NUMBERS;
  if (bits & USPOOF_INVISIBLE) flags |= CICU_SPOOF_INVISIBLE;
  return flags;
}

int32_t cicu_spoof_skeleton(const cicu_spoof *checker, const uint16_t *text, int32_t length,
                            uint16_t *out, int32_t capacity, int32_t *status) {
  if (failed(status)) return 0;
  return uspoof_getSkeleton((const USpoofChecker *)checker, 0, (const UChar *)text, length,
                            (UChar *)out, capacity, (UErrorCode *)status);
}

// MARK: Charsets

cicu_detector *cicu_detector_open(int32_t *status) {
  if (failed(status)) return NULL;
  return (cicu_detector *)ucsdet_open((UErrorCode *)status);
}

void cicu_detector_close(cicu_detector *detector) {
  if (detector != NULL) ucsdet_close(DETECTOR(detector));
}

static void copy_name(char *out, size_t size, const char *name) {
  if (name == NULL) name = "";
  strncpy(out, name, size - 1);
  out[size - 1] = 0;
}

int32_t cicu_detector_detect(cicu_detector *detector, const char *bytes, int32_t length,
                             cicu_charset_match *out, int32_t capacity, int32_t *status) {
  if (failed(status)) return 0;
  UCharsetDetector *d = DETECTOR(detector);
  ucsdet_setText(d, bytes, length, (UErrorCode *)status);
  if (failed(status)) return 0;
  int32_t found = 0;
  const UCharsetMatch **matches = ucsdet_detectAll(d, &found, (UErrorCode *)status);
  int32_t written = 0;
  for (int32_t i = 0; i < found && written < capacity && !failed(status); i++) {
    copy_name(out[written].name, sizeof out[written].name,
              ucsdet_getName(matches[i], (UErrorCode *)status));
    copy_name(out[written].language, sizeof out[written].language,
              ucsdet_getLanguage(matches[i], (UErrorCode *)status));
    out[written].confidence = ucsdet_getConfidence(matches[i], (UErrorCode *)status);
    written++;
  }
  // The detector must not keep a pointer into the caller's bytes.
  UErrorCode reset = U_ZERO_ERROR;
  ucsdet_setText(d, "", 0, &reset);
  return written;
}

cicu_converter *cicu_converter_open(const char *name, int32_t *status) {
  if (failed(status)) return NULL;
  return (cicu_converter *)ucnv_open(name, (UErrorCode *)status);
}

void cicu_converter_close(cicu_converter *converter) {
  if (converter != NULL) ucnv_close(CONVERTER(converter));
}

const char *cicu_converter_name(const cicu_converter *converter, int32_t *status) {
  if (failed(status)) return "";
  const char *name = ucnv_getName((const UConverter *)converter, (UErrorCode *)status);
  return name != NULL ? name : "";
}

// Replaces every undecodable sequence with U+FFFD and counts it, so nothing is dropped silently.
static void count_and_replace(const void *context, UConverterToUnicodeArgs *args,
                              const char *bytes, int32_t length, UConverterCallbackReason reason,
                              UErrorCode *err) {
  (void)bytes;
  (void)length;
  if (reason > UCNV_IRREGULAR) return; // reset, close, clone: nothing to replace
  static const UChar replacement[1] = {0xFFFD};
  *(int32_t *)context += 1;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, replacement, 1, 0, err);
}

int32_t cicu_converter_decode(cicu_converter *converter, const char *bytes, int32_t length,
                              uint16_t *out, int32_t capacity, int32_t *replaced, int32_t *status) {
  if (failed(status)) return 0;
  UConverter *c = CONVERTER(converter);
  int32_t count = 0;
  UConverterToUCallback old_action = NULL;
  const void *old_context = NULL;
  ucnv_setToUCallBack(c, count_and_replace, &count, &old_action, &old_context,
                      (UErrorCode *)status);
  if (failed(status)) return 0;
  ucnv_resetToUnicode(c);
  int32_t needed = ucnv_toUChars(c, (UChar *)out, capacity, bytes, length, (UErrorCode *)status);
  UErrorCode restore = U_ZERO_ERROR;
  ucnv_setToUCallBack(c, old_action, old_context, NULL, NULL, &restore);
  if (replaced != NULL) *replaced = count;
  return needed;
}

// Counts each unmappable character, then lets ICU write the charset's substitute for it.
static void count_and_substitute(const void *context, UConverterFromUnicodeArgs *args,
                                 const UChar *units, int32_t length, UChar32 code_point,
                                 UConverterCallbackReason reason, UErrorCode *err) {
  if (reason <= UCNV_IRREGULAR) *(int32_t *)context += 1;
  UCNV_FROM_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, code_point, reason, err);
}

int32_t cicu_converter_encode(cicu_converter *converter, const uint16_t *text, int32_t length,
                              char *out, int32_t capacity, int32_t *replaced, int32_t *status) {
  if (failed(status)) return 0;
  UConverter *c = CONVERTER(converter);
  int32_t count = 0;
  UConverterFromUCallback old_action = NULL;
  const void *old_context = NULL;
  ucnv_setFromUCallBack(c, count_and_substitute, &count, &old_action, &old_context,
                        (UErrorCode *)status);
  if (failed(status)) return 0;
  ucnv_resetFromUnicode(c);
  int32_t needed = ucnv_fromUChars(c, out, capacity, (const UChar *)text, length,
                                   (UErrorCode *)status);
  UErrorCode restore = U_ZERO_ERROR;
  ucnv_setFromUCallBack(c, old_action, old_context, NULL, NULL, &restore);
  if (replaced != NULL) *replaced = count;
  return needed;
}
