//! The edition's publication date: a calendar date, its weekday and the
//! forms the pages print.

use toml::value::Datetime;

/// A calendar date (the edition's publication date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year, e.g. 2021.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// Builds a date, rejecting impossible ones (30 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Self { year, month, day })
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday.
    pub fn weekday(&self) -> u8 {
        // Days since 1970-01-01 (a Thursday), by Howard Hinnant's algorithm.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146097 + doe - 719468;
        (days + 4).rem_euclid(7) as u8
    }

    /// The date as a folio line writes it: `2021年3月1日 星期一`.
    pub fn chinese(&self) -> String {
        format!("{} {}", self.gregorian(), self.weekday_text())
    }

    /// The Gregorian date in Chinese: `2021年3月1日`.
    pub fn gregorian(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// The day of the week as papers print it: `星期一` … `星期日`.
    pub fn weekday_text(&self) -> String {
        const WEEKDAYS: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];
        format!("星期{}", WEEKDAYS[usize::from(self.weekday())])
    }

    /// ISO form, `2021-03-01`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The date of a TOML datetime that has no time and no offset.
pub(super) fn to_date(dt: &Datetime) -> Option<Date> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    Date::new(i32::from(d.year), d.month, d.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        assert_eq!(
            Date::new(2021, 3, 1).unwrap().chinese(),
            "2021年3月1日 星期一"
        );
        assert_eq!(Date::new(2021, 2, 25).unwrap().weekday(), 4);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), 2);
        assert!(Date::new(2021, 2, 29).is_none());
        assert_eq!(Date::new(2021, 3, 7).unwrap().weekday_text(), "星期日");
        assert_eq!(Date::new(2021, 3, 6).unwrap().weekday_text(), "星期六");
        assert_eq!(Date::new(2021, 3, 1).unwrap().gregorian(), "2021年3月1日");
    }
}
