// A proleptic Gregorian calendar date without time zone, and helpers.
//
// Dates are plain values. A default-constructed Date is invalid (year 0).
//   Date d = *Date::Parse("2023-01-19");
//   d.Weekday();          // 3 (Thursday; Monday is 0)
//   d.AddDays(-1);        // 2023-01-18
//
// Thread safety: plain values.
#ifndef ENTENTE_DATE_H_
#define ENTENTE_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace entente {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool valid() const;
  // Accepts "YYYY-MM-DD", and a longer ISO timestamp whose first ten bytes are
  // one ("2023-01-19T08:00:00Z"). nullopt for anything else or an impossible
  // date (2023-02-30).
  static std::optional<Date> Parse(std::string_view iso);
  // "YYYY-MM-DD". REQUIRES: valid().
  std::string ToString() const;
  // Days since 1970-01-01 (negative before). REQUIRES: valid().
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // 0 = Monday ... 6 = Sunday. REQUIRES: valid().
  int Weekday() const;
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  // Same day n months later (clamped to the month's last day).
  Date AddMonths(int n) const;
  static int DaysInMonth(int year, int month);
  static Date FirstOfMonth(int year, int month) { return Date{year, month, 1}; }
  static Date LastOfMonth(int year, int month) { return Date{year, month, DaysInMonth(year, month)}; }

  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;
};

}  // namespace entente

#endif  // ENTENTE_DATE_H_
