//! What a message's arguments may be: text, numbers, paths and locations,
//! each turned into a Fluent value (numbers stay numbers, so plurals work).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentValue;

/// A value a message can show.
pub trait IntoArg {
    /// The value as Fluent sees it.
    fn into_arg(self) -> FluentValue<'static>;
}

macro_rules! text_arg {
    ($($ty:ty),*) => {$(
        impl IntoArg for $ty {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::String(Cow::Owned(self.to_string()))
            }
        }
    )*};
}

text_arg!(
    &str,
    String,
    &String,
    &Box<str>,
    Box<str>,
    char,
    &&str,
    &Cow<'_, str>,
    Cow<'_, str>
);
text_arg!(crate::diag::Location, &crate::diag::Location);

macro_rules! number_arg {
    ($($ty:ty),*) => {$(
        impl IntoArg for $ty {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
        impl IntoArg for &$ty {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}

number_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

impl IntoArg for &Path {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.display().to_string()))
    }
}

impl IntoArg for &PathBuf {
    fn into_arg(self) -> FluentValue<'static> {
        self.as_path().into_arg()
    }
}

impl IntoArg for PathBuf {
    fn into_arg(self) -> FluentValue<'static> {
        self.as_path().into_arg()
    }
}

impl IntoArg for std::path::Display<'_> {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_string()))
    }
}
