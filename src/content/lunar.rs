//! The Chinese lunar date (农历) of a Gregorian date, as papers print it
//! in the masthead: `正月十八`, `闰四月初一`, `冬月三十`, `腊月廿三`.
//!
//! The conversion is the `chinese-lunisolar-calendar` crate's (the Hong
//! Kong Observatory's tables, 1901–2100); this module only names the
//! month and day the way the house prints them.

use chinese_lunisolar_calendar::{LunisolarDate, SolarDate};

use super::date::Date;

/// A day of the Chinese lunisolar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LunarDate {
    /// Month 1–12 (正月 = 1, 冬月 = 11, 腊月 = 12).
    pub month: u8,
    /// Whether the month is a leap month (闰月).
    pub leap: bool,
    /// Day of the month, 1–30.
    pub day: u8,
}

/// Month names as papers print them (正月, …, 冬月, 腊月).
const MONTHS: [&str; 12] = [
    "正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月",
];

/// Day names: 初一 … 初十, 十一 … 二十, 廿一 … 廿九, 三十.
const DAYS: [&str; 30] = [
    "初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十", "十一", "十二",
    "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "廿一", "廿二", "廿三", "廿四",
    "廿五", "廿六", "廿七", "廿八", "廿九", "三十",
];

impl LunarDate {
    /// The lunar date of `date`, or `None` outside the tables' years
    /// (1901-02-19 to 2101-01-28).
    pub fn of(date: &Date) -> Option<Self> {
        let year = u16::try_from(date.year).ok()?;
        let solar = SolarDate::from_ymd(year, date.month, date.day).ok()?;
        let lunar = LunisolarDate::from_solar_date(solar).ok()?;
        let month = lunar.to_lunar_month();
        Some(Self {
            month: month.to_u8(),
            leap: month.is_leap_month(),
            day: lunar.to_lunar_day().to_u8(),
        })
    }

    /// The date as the masthead prints it, without the word 农历:
    /// `正月十八`, `闰二月初一`.
    pub fn text(&self) -> String {
        let leap = if self.leap { "闰" } else { "" };
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        let day = DAYS[usize::from(self.day.clamp(1, 30)) - 1];
        format!("{leap}{month}{day}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chinese_lunisolar_calendar::ChineseVariant;

    /// The crate's own names for `date` (traditional 閏 and 臘 in its
    /// default variant; the simplified ones here).
    fn crate_text(date: &Date) -> Option<String> {
        let solar = SolarDate::from_ymd(date.year as u16, date.month, date.day).ok()?;
        let lunar = LunisolarDate::from_solar_date(solar).ok()?;
        let month = lunar.to_lunar_month().to_str(ChineseVariant::Simple);
        Some(format!("{month}{}", lunar.to_lunar_day().to_str()))
    }

    fn lunar(y: i32, m: u8, d: u8) -> String {
        LunarDate::of(&Date::new(y, m, d).unwrap()).unwrap().text()
    }

    #[test]
    fn the_seed_date_is_zhengyue_shiba() {
        assert_eq!(lunar(2021, 3, 1), "正月十八");
    }

    #[test]
    fn spring_festivals_are_zhengyue_chuyi() {
        // 春节 dates, from published calendars.
        let festivals = [
            (1901, 2, 19),
            (1949, 1, 29),
            (1976, 1, 31),
            (1985, 2, 20),
            (2000, 2, 5),
            (2008, 2, 7),
            (2015, 2, 19),
            (2019, 2, 5),
            (2020, 1, 25),
            (2021, 2, 12),
            (2022, 2, 1),
            (2023, 1, 22),
            (2024, 2, 10),
            (2025, 1, 29),
            (2026, 2, 17),
            (2050, 1, 23),
            (2100, 2, 9),
        ];
        for (y, m, d) in festivals {
            assert_eq!(lunar(y, m, d), "正月初一", "{y}-{m}-{d}");
            // The day before is the last of the year: 腊月廿九 or 三十
            // (1901's is before the tables begin).
            let eve = if d == 1 {
                let last = (1..=31).rev().find(|&e| Date::new(y, m - 1, e).is_some());
                Date::new(y, m - 1, last.unwrap()).unwrap()
            } else {
                Date::new(y, m, d - 1).unwrap()
            };
            if y == 1901 {
                assert_eq!(LunarDate::of(&eve), None);
                continue;
            }
            let eve = LunarDate::of(&eve).unwrap();
            assert_eq!((eve.month, eve.leap), (12, false), "{y}-{m}-{d}");
            assert!(eve.day >= 29, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn leap_months_are_marked() {
        assert_eq!(lunar(2020, 5, 23), "闰四月初一");
        assert_eq!(lunar(2023, 3, 22), "闰二月初一");
        assert_eq!(lunar(2023, 4, 19), "闰二月廿九");
        assert_eq!(lunar(2023, 4, 20), "三月初一");
        assert_eq!(lunar(2017, 7, 23), "闰六月初一");
        assert_eq!(lunar(2025, 7, 25), "闰六月初一");
        // 2033: the leap month is the eleventh (闰冬月), as the national
        // standard GB/T 33661-2017 and the Observatory's tables have it.
        assert_eq!(lunar(2033, 12, 22), "闰冬月初一");
        assert_eq!(lunar(2033, 11, 22), "冬月初一");
        assert_eq!(lunar(2033, 8, 25), "八月初一");
    }

    #[test]
    fn winter_months_and_day_names() {
        assert_eq!(lunar(2021, 12, 4), "冬月初一");
        assert_eq!(lunar(2022, 1, 3), "腊月初一");
        assert_eq!(lunar(2022, 1, 25), "腊月廿三");
        assert_eq!(lunar(2021, 2, 11), "腊月三十");
        assert_eq!(lunar(2021, 9, 21), "八月十五");
        assert_eq!(lunar(2021, 3, 12), "正月廿九");
        assert_eq!(lunar(2021, 2, 21), "正月初十");
        assert_eq!(lunar(2021, 3, 3), "正月二十");
    }

    #[test]
    fn outside_the_tables_there_is_no_lunar_date() {
        assert!(LunarDate::of(&Date::new(1900, 6, 1).unwrap()).is_none());
        assert!(LunarDate::of(&Date::new(2101, 6, 1).unwrap()).is_none());
        assert!(LunarDate::of(&Date::new(-5, 6, 1).unwrap()).is_none());
    }

    #[test]
    fn names_agree_with_the_crate_every_day_of_a_century() {
        // Every 13th day from 1901 to 2100: the same names as the crate's
        // own (which writes 腊月 and 冬月 as this module does).
        let mut n = 0;
        for y in 1901..=2100 {
            for m in 1..=12 {
                for d in [1, 14, 27] {
                    let date = Date::new(y, m, d).unwrap();
                    if let (Some(ours), Some(theirs)) = (LunarDate::of(&date), crate_text(&date)) {
                        assert_eq!(ours.text(), theirs, "{y}-{m}-{d}");
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 7000, "{n}");
    }
}
