#include "quotegraph/date.h"

#include <array>
#include <cstdio>
#include <optional>

namespace quotegraph {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_folded(std::string_view word, std::string_view lower_case) {
  if (word.size() != lower_case.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(word[i]) != lower_case[i]) return false;
  return true;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// 1-12 for an English month name or its abbreviation ("Mar", "Sept"); 0 otherwise.
int month_number(std::string_view word) {
  constexpr std::array<const char*, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                   "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string_view name = kMonths[m];
    if (equals_folded(word, name) || equals_folded(word, name.substr(0, 3))) return m + 1;
  }
  return equals_folded(word, "sept") ? 9 : 0;
}

bool is_weekday(std::string_view word) {
  constexpr std::array<const char*, 7> kDays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (const std::string_view name : kDays)
    if (equals_folded(word, name) || equals_folded(word, name.substr(0, 3))) return true;
  return equals_folded(word, "tues") || equals_folded(word, "thur") || equals_folded(word, "thurs");
}

// Offset in minutes east of UTC of the zone names RFC 822 defines and a few common in news feeds.
std::optional<int> zone_offset(std::string_view name) {
  struct Zone {
    const char* name;
    int minutes;
  };
  constexpr Zone kZones[] = {{"z", 0},        {"ut", 0},        {"utc", 0},       {"gmt", 0},      {"est", -300},
                             {"edt", -240},   {"cst", -360},    {"cdt", -300},    {"mst", -420},   {"mdt", -360},
                             {"pst", -480},   {"pdt", -420},    {"bst", 60},      {"wet", 0},      {"west", 60},
                             {"cet", 60},     {"cest", 120},    {"eet", 120},     {"eest", 180}};
  for (const Zone& z : kZones)
    if (equals_folded(name, z.name)) return z.minutes;
  return std::nullopt;
}

struct Fields {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::string_view fraction;  // digits after the seconds' point, as written
  bool has_zone = false;
  int zone_minutes = 0;       // east of UTC
};

// A cursor over the text with the small steps both grammars are made of.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : s_(text) {}
  bool done() const { return i_ == s_.size(); }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  void skip_spaces() {
    while (is_space(peek())) ++i_;
  }
  // Exactly `count` digits as a number; false (nothing consumed) otherwise.
  bool digits(std::size_t count, int& value) {
    for (std::size_t k = 0; k < count; ++k)
      if (!is_digit(peek(k))) return false;
    if (is_digit(peek(count))) return false;
    value = 0;
    for (std::size_t k = 0; k < count; ++k) value = value * 10 + (s_[i_ + k] - '0');
    i_ += count;
    return true;
  }
  // One or two digits.
  bool small_number(int& value) { return digits(1, value) || digits(2, value); }
  std::string_view word() {
    const std::size_t start = i_;
    while (is_alpha(peek())) ++i_;
    return s_.substr(start, i_ - start);
  }
  std::string_view digit_run() {
    const std::size_t start = i_;
    while (is_digit(peek())) ++i_;
    return s_.substr(start, i_ - start);
  }
  std::size_t position() const { return i_; }
  void rewind(std::size_t to) { i_ = to; }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

// HH:MM[:SS[.fff]]
bool read_time(Cursor& c, Fields& f) {
  const std::size_t start = c.position();
  if (!c.small_number(f.hour) || !c.eat(':') || !c.digits(2, f.minute)) return c.rewind(start), false;
  f.second = 0;
  if (c.eat(':')) {
    if (!c.digits(2, f.second)) return false;
    if (c.peek() == '.' || c.peek() == ',') {
      c.eat(c.peek());
      f.fraction = c.digit_run();
      if (f.fraction.empty()) return false;
    }
  }
  f.has_time = true;
  return true;
}

// Z, a zone name, or +HH, +HHMM, +HH:MM (also -).
bool read_zone(Cursor& c, Fields& f) {
  if (c.peek() == '+' || c.peek() == '-') {
    const int sign = c.peek() == '-' ? -1 : 1;
    c.eat(c.peek());
    int hours = 0, minutes = 0;
    if (c.digits(4, hours)) {
      minutes = hours % 100;
      hours /= 100;
    } else if (!c.digits(2, hours) || (c.eat(':') && !c.digits(2, minutes))) {
      return false;
    }
    if (hours > 14 || minutes > 59) return false;
    f.has_zone = true;
    f.zone_minutes = sign * (hours * 60 + minutes);
    return true;
  }
  const auto offset = zone_offset(c.word());
  if (!offset) return false;
  f.has_zone = true;
  f.zone_minutes = *offset;
  return true;
}

// After the time: nothing, or a zone, optionally followed by a comment "(EST)".
bool read_zone_and_end(Cursor& c, Fields& f) {
  c.skip_spaces();
  if (c.done()) return true;
  if (!f.has_time || !read_zone(c, f)) return false;
  c.skip_spaces();
  if (c.eat('(')) {
    while (!c.done() && c.peek() != ')') c.eat(c.peek());
    if (!c.eat(')')) return false;
    c.skip_spaces();
  }
  return c.done();
}

// YYYY-MM-DD, then optionally T or spaces and a time, then optionally a zone.
bool read_iso(Cursor& c, Fields& f) {
  if (!c.digits(4, f.year) || !c.eat('-') || !c.digits(2, f.month) || !c.eat('-') || !c.digits(2, f.day)) return false;
  if (c.eat('T') || c.eat('t')) {
    if (!read_time(c, f)) return false;
  } else if (is_space(c.peek())) {
    c.skip_spaces();
    if (is_digit(c.peek()) && !read_time(c, f)) return false;
  }
  if (f.has_time && (c.peek() == 'Z' || c.peek() == 'z' || c.peek() == '+' || c.peek() == '-'))
    if (!read_zone(c, f)) return false;
  return read_zone_and_end(c, f);
}

// A year of four digits, or two (RFC 2822's rule for the century).
bool read_year(Cursor& c, int& year) {
  if (c.digits(4, year)) return true;
  if (!c.digits(2, year)) return false;
  year += year >= 50 ? 1900 : 2000;
  return true;
}

// "st", "nd", "rd", "th" after a day of the month.
void skip_ordinal(Cursor& c) {
  const std::size_t start = c.position();
  const std::string_view w = c.word();
  if (!(equals_folded(w, "st") || equals_folded(w, "nd") || equals_folded(w, "rd") || equals_folded(w, "th")))
    c.rewind(start);
}

// [Weekday[.][,]] (Month[.] D[th][,] YYYY | D[th] Month[.][,] YYYY) [[,] [at] HH:MM[:SS] [AM|PM]] [zone]
bool read_written(Cursor& c, Fields& f) {
  std::size_t start = c.position();
  if (is_weekday(c.word())) {
    c.eat('.');
    c.skip_spaces();
    c.eat(',');
    c.skip_spaces();
  } else {
    c.rewind(start);
  }
  if (is_alpha(c.peek())) {
    f.month = month_number(c.word());
    if (f.month == 0) return false;
    c.eat('.');
    c.skip_spaces();
    if (!c.small_number(f.day)) return false;
    skip_ordinal(c);
  } else {
    if (!c.small_number(f.day)) return false;
    skip_ordinal(c);
    c.skip_spaces();
    c.eat('-');  // 01-Mar-2005
    f.month = month_number(c.word());
    if (f.month == 0) return false;
    c.eat('.');
    c.eat('-');
  }
  c.skip_spaces();
  c.eat(',');
  c.skip_spaces();
  if (!read_year(c, f.year)) return false;
  c.skip_spaces();
  if (c.eat(',')) c.skip_spaces();
  start = c.position();
  if (!equals_folded(c.word(), "at")) c.rewind(start);
  c.skip_spaces();
  if (is_digit(c.peek())) {
    if (!read_time(c, f)) return false;
    c.skip_spaces();
    start = c.position();
    const std::string_view meridiem = c.word();
    const bool am = equals_folded(meridiem, "am"), pm = equals_folded(meridiem, "pm");
    if (am || pm) {
      if (f.hour < 1 || f.hour > 12) return false;
      f.hour = f.hour % 12 + (pm ? 12 : 0);
    } else {
      c.rewind(start);
    }
  }
  return read_zone_and_end(c, f);
}

bool valid(const Fields& f) {
  if (f.year < 1 || f.month < 1 || f.month > 12 || f.day < 1 || f.day > days_in_month(f.year, f.month)) return false;
  return !f.has_time || (f.hour <= 23 && f.minute <= 59 && f.second <= 59);
}

std::string format(const Fields& f) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", f.year, f.month, f.day);
  std::string out = buffer;
  if (!f.has_time) return out;
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", f.hour, f.minute, f.second);
  out += buffer;
  if (!f.fraction.empty()) out.append(".").append(f.fraction);
  if (!f.has_zone) return out;
  if (f.zone_minutes == 0) return out + "Z";
  const int m = f.zone_minutes < 0 ? -f.zone_minutes : f.zone_minutes;
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", f.zone_minutes < 0 ? '-' : '+', m / 60, m % 60);
  return out + buffer;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long days_from_civil(long y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

}  // namespace

ParsedDate parse_date(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  for (auto* read : {read_iso, read_written}) {
    Fields f;
    Cursor c(text);
    if (read(c, f) && valid(f)) return {format(f), f.has_time};
  }
  return {};
}

std::string date_order_key(std::string_view iso) {
  // Only a date-time ending in an offset changes: ...THH:MM:SS[.fff]+HH:MM
  if (iso.size() < 25 || iso[10] != 'T') return std::string(iso);
  const char sign = iso[iso.size() - 6];
  if (sign != '+' && sign != '-') return std::string(iso);
  Fields f;
  Cursor c(iso);
  if (!read_iso(c, f) || !f.has_zone) return std::string(iso);
  const long minutes = (days_from_civil(f.year, f.month, f.day) * 24 + f.hour) * 60 + f.minute - f.zone_minutes;
  const long days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  const long in_day = minutes - days * 1440;
  civil_from_days(days, f.year, f.month, f.day);
  f.hour = static_cast<int>(in_day / 60);
  f.minute = static_cast<int>(in_day % 60);
  f.zone_minutes = 0;
  return format(f);
}

}  // namespace quotegraph
