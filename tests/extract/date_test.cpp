// Publication dates: each row is a date as a source writes it and the ISO 8601 it becomes
// (empty: not a date parse_date reads).
#include <catch2/catch.hpp>

#include <string>

#include "quotegraph/date.h"

using namespace quotegraph;

namespace {
struct Row {
  const char* text;
  const char* iso;  // "" = not understood
};

constexpr Row kDates[] = {
    // ISO 8601: dates, date-times, zones, fractions, news-please's space for the T.
    {"2005-03-01", "2005-03-01"},
    {"  2005-03-01\n", "2005-03-01"},
    {"2005-03-01T10:00", "2005-03-01T10:00:00"},
    {"2005-03-01T10:00:07", "2005-03-01T10:00:07"},
    {"2005-03-01t10:00:07z", "2005-03-01T10:00:07Z"},
    {"2005-03-01T10:00:07Z", "2005-03-01T10:00:07Z"},
    {"2005-03-01T10:00:07.250Z", "2005-03-01T10:00:07.250Z"},
    {"2005-03-01T10:00:07+01:00", "2005-03-01T10:00:07+01:00"},
    {"2005-03-01T10:00:07+0100", "2005-03-01T10:00:07+01:00"},
    {"2005-03-01T10:00:07-05", "2005-03-01T10:00:07-05:00"},
    {"2005-03-01T10:00:07+00:00", "2005-03-01T10:00:07Z"},
    {"2005-03-01T10:00:07+05:45", "2005-03-01T10:00:07+05:45"},
    {"2017-02-13 09:23:00", "2017-02-13T09:23:00"},
    {"2017-02-13 09:23:00 +0100", "2017-02-13T09:23:00+01:00"},
    {"2017-02-13T09:23:00 GMT", "2017-02-13T09:23:00Z"},
    // Written dates, US and British order, abbreviations, ordinals, weekdays, times.
    {"March 1, 2005", "2005-03-01"},
    {"march 1 2005", "2005-03-01"},
    {"Mar. 1, 2005", "2005-03-01"},
    {"Sept 30, 2005", "2005-09-30"},
    {"March 1st, 2005", "2005-03-01"},
    {"1 March 2005", "2005-03-01"},
    {"01 Mar 2005", "2005-03-01"},
    {"1st March, 2005", "2005-03-01"},
    {"01-Mar-2005", "2005-03-01"},
    {"Tuesday, March 1, 2005", "2005-03-01"},
    {"Tuesday 1 March 2005", "2005-03-01"},
    {"March 1, 2005 10:15", "2005-03-01T10:15:00"},
    {"March 1, 2005, 10:15 PM", "2005-03-01T22:15:00"},
    {"March 1, 2005 at 12:05 am EST", "2005-03-01T00:05:00-05:00"},
    {"1 March 2005 12:00pm", "2005-03-01T12:00:00"},
    // RFC 822 / 2822 as in RSS.
    {"Tue, 01 Mar 2005 10:00:00 GMT", "2005-03-01T10:00:00Z"},
    {"Tue, 1 Mar 2005 10:00:00 +0000", "2005-03-01T10:00:00Z"},
    {"Tue, 01 Mar 2005 10:00:00 -0500", "2005-03-01T10:00:00-05:00"},
    {"Tue, 01 Mar 2005 10:00:00 -0500 (EST)", "2005-03-01T10:00:00-05:00"},
    {"Tue, 01 Mar 2005 10:00 PST", "2005-03-01T10:00:00-08:00"},
    {"Tue, 01 Mar 2005 10:00:00 EDT", "2005-03-01T10:00:00-04:00"},
    {"Tue, 01 Mar 2005 10:00:00 CEST", "2005-03-01T10:00:00+02:00"},
    {"Tue, 01 Mar 2005 10:00:00 UT", "2005-03-01T10:00:00Z"},
    {"01 Mar 05 10:00 GMT", "2005-03-01T10:00:00Z"},
    {"01 Mar 99 10:00 GMT", "1999-03-01T10:00:00Z"},
    // Leap years.
    {"2004-02-29", "2004-02-29"},
    {"2000-02-29", "2000-02-29"},
    {"29 February 2004", "2004-02-29"},
    // Dates that do not exist, times that are not times, zones that are not zones.
    {"2005-02-29", ""},
    {"2005-02-30", ""},
    {"1900-02-29", ""},
    {"February 30, 2005", ""},
    {"2005-04-31", ""},
    {"2005-13-01", ""},
    {"2005-00-10", ""},
    {"0000-01-01", ""},
    {"2005-03-01T24:00:00", ""},
    {"2005-03-01T10:60:00", ""},
    {"2005-03-01T10:00:60", ""},
    {"2005-03-01T10:00:00+15:00", ""},
    {"2005-03-01T10:00:00+01:60", ""},
    {"Tue, 01 Mar 2005 10:00:00 XYZ", ""},
    {"March 1, 2005 13:00 PM", ""},
    {"March 1, 2005 0:30 AM", ""},
    // Not dates, or not whole ones.
    {"", ""},
    {"yesterday", ""},
    {"1109671200", ""},
    {"2005", ""},
    {"2005-03", ""},
    {"2005-3-1", ""},
    {"03/01/2005", ""},
    {"Smarch 1, 2005", ""},
    {"2005-03-01 and more", ""},
    {"2005-03-01T10:00:00.Z", ""},
    {"2005-03-01 GMT", ""},
    {"March 2005", ""},
};
}  // namespace

TEST_CASE("dates as sources write them become ISO 8601 and impossible ones are not read", "[date]") {
  for (const Row& row : kDates) {
    INFO("text: \"" << row.text << "\"");
    const ParsedDate parsed = parse_date(row.text);
    CHECK(parsed.iso == row.iso);
    CHECK(parsed.ok() == (row.iso[0] != '\0'));
    CHECK(parsed.has_time == (std::string(row.iso).find('T') != std::string::npos));
    CHECK(parse_date(parsed.iso).iso == parsed.iso);  // ISO 8601 reads back as itself
  }
}

TEST_CASE("the order key puts date-times with offsets in UTC", "[date]") {
  CHECK(date_order_key("2005-03-01") == "2005-03-01");
  CHECK(date_order_key("2005-03-01T10:00:00") == "2005-03-01T10:00:00");
  CHECK(date_order_key("2005-03-01T10:00:00Z") == "2005-03-01T10:00:00Z");
  CHECK(date_order_key("2005-03-01T10:00:00+01:00") == "2005-03-01T09:00:00Z");
  CHECK(date_order_key("2005-03-01T00:30:00+01:00") == "2005-02-28T23:30:00Z");
  CHECK(date_order_key("2004-03-01T00:30:00+01:00") == "2004-02-29T23:30:00Z");
  CHECK(date_order_key("2005-12-31T22:00:00.5-05:00") == "2006-01-01T03:00:00.5Z");
  // 10:00 in New York is after 14:00 in Berlin the same day.
  CHECK(date_order_key("2005-03-01T10:00:00-05:00") > date_order_key("2005-03-01T14:00:00+01:00"));
}
