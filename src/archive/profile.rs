//! The AWS profile files (`~/.aws/credentials`, `~/.aws/config`): where a
//! desk's machine usually keeps the object store's keys, region and
//! endpoint when they are not in the environment. Only the settings an
//! archive needs are read; the environment always wins.

use std::path::PathBuf;

use object_store::aws::AmazonS3ConfigKey;

/// A setting a profile can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The access key id.
    AccessKeyId,
    /// The secret access key.
    SecretAccessKey,
    /// A session token.
    SessionToken,
    /// The region.
    Region,
    /// The endpoint (a non-AWS store's address).
    Endpoint,
}

impl Setting {
    /// The environment variable that overrides the profile's value.
    pub fn env_name(self) -> &'static str {
        match self {
            Self::AccessKeyId => "AWS_ACCESS_KEY_ID",
            Self::SecretAccessKey => "AWS_SECRET_ACCESS_KEY",
            Self::SessionToken => "AWS_SESSION_TOKEN",
            Self::Region => "AWS_REGION",
            Self::Endpoint => "AWS_ENDPOINT_URL",
        }
    }

    /// The store client's name for it.
    pub fn config(self) -> AmazonS3ConfigKey {
        match self {
            Self::AccessKeyId => AmazonS3ConfigKey::AccessKeyId,
            Self::SecretAccessKey => AmazonS3ConfigKey::SecretAccessKey,
            Self::SessionToken => AmazonS3ConfigKey::Token,
            Self::Region => AmazonS3ConfigKey::Region,
            Self::Endpoint => AmazonS3ConfigKey::Endpoint,
        }
    }
}

/// What the profile files say for the chosen profile.
#[derive(Debug, Default, Clone)]
pub struct Profile {
    /// The access key id.
    pub access_key_id: Option<String>,
    /// The secret access key.
    pub secret_access_key: Option<String>,
    /// A session token.
    pub session_token: Option<String>,
    /// The region.
    pub region: Option<String>,
    /// The endpoint.
    pub endpoint: Option<String>,
}

impl Profile {
    /// The profile `AWS_PROFILE` (or `default`) from the files named by
    /// `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` (or the usual
    /// places in the home folder); empty when there are none.
    pub fn load() -> Self {
        let name = std::env::var("AWS_PROFILE").unwrap_or_else(|_| "default".into());
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let file = |var: &str, rel: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(rel)))
                .and_then(|path| std::fs::read_to_string(path).ok())
                .unwrap_or_default()
        };
        let credentials = file("AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials");
        let config = file("AWS_CONFIG_FILE", ".aws/config");
        let mut profile = Self::default();
        // In the config file a profile's section is `[profile NAME]`,
        // except `[default]`; in the credentials file it is `[NAME]`.
        let config_section = if name == "default" {
            name.clone()
        } else {
            format!("profile {name}")
        };
        for (text, section) in [(&config, &config_section), (&credentials, &name)] {
            for (key, value) in section_entries(text, section) {
                let slot = match key.as_str() {
                    "aws_access_key_id" => &mut profile.access_key_id,
                    "aws_secret_access_key" => &mut profile.secret_access_key,
                    "aws_session_token" => &mut profile.session_token,
                    "region" => &mut profile.region,
                    "endpoint_url" => &mut profile.endpoint,
                    _ => continue,
                };
                *slot = Some(value);
            }
        }
        profile
    }

    /// The settings the profile gives, with their values.
    pub fn settings(&self) -> Vec<(Setting, String)> {
        [
            (Setting::AccessKeyId, &self.access_key_id),
            (Setting::SecretAccessKey, &self.secret_access_key),
            (Setting::SessionToken, &self.session_token),
            (Setting::Region, &self.region),
            (Setting::Endpoint, &self.endpoint),
        ]
        .into_iter()
        .filter_map(|(setting, value)| value.clone().map(|v| (setting, v)))
        .collect()
    }
}

/// The `key = value` lines of section `[name]` of an INI text.
fn section_entries(text: &str, name: &str) -> Vec<(String, String)> {
    let mut inside = false;
    let mut entries = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = section.trim() == name;
            continue;
        }
        if inside && let Some((key, value)) = line.split_once('=') {
            entries.push((key.trim().to_lowercase(), value.trim().to_string()));
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections() {
        let text = "[default]\nregion = cn-north-1\n\n[profile desk]\n# a comment\nregion=oss-cn-wuhan\nendpoint_url = http://127.0.0.1:9000\n";
        assert_eq!(
            section_entries(text, "default"),
            [("region".to_string(), "cn-north-1".to_string())]
        );
        let desk = section_entries(text, "profile desk");
        assert_eq!(desk.len(), 2);
        assert_eq!(desk[1].1, "http://127.0.0.1:9000");
        assert!(section_entries(text, "missing").is_empty());
    }
}
