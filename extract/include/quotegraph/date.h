// Publication dates as sources write them, read into ISO 8601.
//
// Understood (surrounding spaces ignored, month and weekday names in English, any case):
//   ISO 8601        2005-03-01, 2005-03-01T10:00, 2005-03-01T10:00:00.250Z, 2005-03-01 10:00:00+01:00
//                   (a space for the T, as news-please writes; offsets as Z, +01, +0100 or +01:00)
//   written dates   March 1, 2005; Mar. 1 2005; 1 March 2005; Tuesday, 1 March 2005
//                   (a time may follow: March 1, 2005 10:00 or 10:00 AM, with an optional zone)
//   RFC 822 / 2822  Tue, 01 Mar 2005 10:00:00 GMT; 1 Mar 05 10:00 -0500; zone names UT, GMT, Z,
//                   EST/EDT, CST/CDT, MST/MDT, PST/PDT, BST, WET/WEST, CET/CEST, EET/EEST
// The date must exist (2005-02-30 does not), the time be a time of day (seconds 0-59), an
// offset at most 14 hours. A weekday is read but not checked. A two-digit year is 19YY from
// 50 on and 20YY below (RFC 2822).
#pragma once
#include <string>
#include <string_view>

namespace quotegraph {

struct ParsedDate {
  // "2005-03-01" (an xsd:date) or "2005-03-01T10:00:00", "...Z", "...+01:00" (an
  // xsd:dateTime: seconds always written, fractions kept, UTC as Z, no zone when none was given).
  // Empty when the text is not a date this parser reads.
  std::string iso;
  bool has_time = false;
  bool ok() const { return !iso.empty(); }
};

ParsedDate parse_date(std::string_view text);

// A key that puts ISO dates from parse_date() in time order as plain strings: a date-time with
// an offset is moved to UTC (2005-03-01T00:30:00+01:00 -> 2005-02-28T23:30:00Z); others are
// kept as they are (a date sorts before the date-times of its day).
std::string date_order_key(std::string_view iso);

}  // namespace quotegraph
