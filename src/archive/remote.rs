//! The archive on S3-compatible object storage (AWS S3, Alibaba OSS, Ceph
//! RGW, MinIO): `--archive s3://bucket/prefix`. The objects have the same
//! names as the files of an archive folder (`<edition>/rev-0001/…`,
//! `fonts/<sha256>.ttc`, `pictures/…`) under the prefix.
//!
//! Many desks write to one store at once, on many machines, so no lock can
//! hold: a revision number is claimed with a conditional write
//! (put-if-absent of `.claims/<edition>/rev-0001`), and the revision is
//! published, after all its files, by a second conditional write of its
//! `manifest.json`. A revision exists when its manifest does; an upload
//! killed midway leaves a claim and some files that no command takes for a
//! revision, and its number is never given again.
//!
//! Credentials, region and endpoint come from the usual AWS environment
//! variables (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_SESSION_TOKEN`, `AWS_REGION`/`AWS_DEFAULT_REGION`,
//! `AWS_ENDPOINT_URL`), or, for those not set, from the profile
//! `AWS_PROFILE` (default `default`) of `~/.aws/credentials` and
//! `~/.aws/config`.

use std::path::Path;

use futures_util::StreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder, S3ConditionalPut};
use object_store::path::Path as Key;
use object_store::{ObjectStore, ObjectStoreExt, PutMode, PutOptions, PutPayload};

use super::profile;
use crate::diag::Error;

/// The scheme that names an archive on object storage.
pub const SCHEME: &str = "s3://";

/// Where claims of revision numbers are kept, under the prefix.
pub const CLAIMS: &str = ".claims";

/// An archive's place in a bucket: `s3://bucket/prefix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreUrl {
    /// The bucket.
    pub bucket: String,
    /// The prefix inside it, without slashes at either end (may be empty).
    pub prefix: String,
}

impl StoreUrl {
    /// Reads `s3://bucket/prefix`; `None` when `text` is not an `s3://`
    /// address (a folder, then), an error when it is a broken one.
    pub fn parse(text: &str) -> Result<Option<Self>, Error> {
        let Some(rest) = text.strip_prefix(SCHEME) else {
            return Ok(None);
        };
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let bucket_ok = (3..=63).contains(&bucket.len())
            && bucket
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        let prefix = prefix.trim_matches('/').to_string();
        let prefix_ok = prefix
            .split('/')
            .all(|part| prefix.is_empty() || (!part.is_empty() && part != "." && part != ".."));
        if !bucket_ok || !prefix_ok {
            return Err(Error::Usage(t!("store-bad-url", url = text)));
        }
        Ok(Some(Self {
            bucket: bucket.to_string(),
            prefix,
        }))
    }
}

impl std::fmt::Display for StoreUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.prefix.is_empty() {
            write!(f, "{SCHEME}{}", self.bucket)
        } else {
            write!(f, "{SCHEME}{}/{}", self.bucket, self.prefix)
        }
    }
}

/// A connection to an archive on object storage, used from synchronous
/// code: each call runs to its end on a small runtime of its own.
pub struct Remote {
    /// Where the archive is.
    pub url: StoreUrl,
    /// The endpoint, for messages and for the local cache's name.
    pub endpoint: String,
    store: AmazonS3,
    runtime: tokio::runtime::Runtime,
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Remote({} at {})", self.url, self.endpoint)
    }
}

impl Remote {
    /// Connects to the archive at `url` with the environment's (or the
    /// profile's) credentials and endpoint. Nothing is sent yet.
    pub fn connect(url: StoreUrl) -> Result<Self, Error> {
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&url.bucket)
            .with_conditional_put(S3ConditionalPut::ETagMatch);
        let profile = profile::Profile::load();
        for (key, value) in profile.settings() {
            if std::env::var_os(key.env_name()).is_none() {
                builder = builder.with_config(key.config(), value);
            }
        }
        let endpoint = std::env::var("AWS_ENDPOINT_URL")
            .or_else(|_| std::env::var("AWS_ENDPOINT"))
            .ok()
            .or_else(|| profile.endpoint.clone())
            .unwrap_or_else(|| "https://s3.amazonaws.com".into());
        if endpoint.starts_with("http://") {
            builder = builder.with_allow_http(true);
        }
        if std::env::var_os("AWS_REGION").is_none()
            && std::env::var_os("AWS_DEFAULT_REGION").is_none()
            && profile.region.is_none()
        {
            builder = builder.with_region("us-east-1");
        }
        let store = builder.build().map_err(|e| {
            Error::Usage(t!(
                "store-cannot-connect",
                url = url.to_string(),
                error = e.to_string()
            ))
        })?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Self {
            url,
            endpoint,
            store,
            runtime,
        })
    }

    /// The object key of `rel`, a path inside the archive written with `/`.
    fn key(&self, rel: &str) -> Key {
        let rel = rel.trim_matches('/');
        match (self.url.prefix.is_empty(), rel.is_empty()) {
            (true, _) => Key::from(rel),
            (false, true) => Key::from(self.url.prefix.as_str()),
            (false, false) => Key::from(format!("{}/{rel}", self.url.prefix)),
        }
    }

    /// `rel` as this archive's address names it, for messages.
    pub fn address(&self, rel: &str) -> String {
        format!("{}/{}", self.url, rel.trim_matches('/'))
    }

    /// The error for a failed request about `rel`.
    fn failed(&self, rel: &str, error: object_store::Error) -> Error {
        Error::Archive(t!(
            "store-request-failed",
            address = self.address(rel),
            error = error.to_string(),
        ))
    }

    /// The content of `rel`, or `None` if there is no such object.
    pub fn get(&self, rel: &str) -> Result<Option<Vec<u8>>, Error> {
        let key = self.key(rel);
        let got = self.runtime.block_on(async {
            let result = self.store.get(&key).await?;
            result.bytes().await
        });
        match got {
            Ok(bytes) => Ok(Some(bytes.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(self.failed(rel, e)),
        }
    }

    /// Writes `bytes` to `rel`, replacing what was there.
    pub fn put(&self, rel: &str, bytes: Vec<u8>) -> Result<(), Error> {
        let key = self.key(rel);
        let payload = PutPayload::from(bytes);
        (self.runtime.block_on(self.store.put(&key, payload)))
            .map(|_| ())
            .map_err(|e| self.failed(rel, e))
    }

    /// Writes `bytes` to `rel` only if no object has that name: `false`
    /// when one had (and nothing was written). The store decides, so of
    /// two writers at once exactly one gets `true`.
    pub fn create(&self, rel: &str, bytes: Vec<u8>) -> Result<bool, Error> {
        let key = self.key(rel);
        let opts = PutOptions::from(PutMode::Create);
        let put = self
            .runtime
            .block_on(self.store.put_opts(&key, PutPayload::from(bytes), opts));
        match put {
            Ok(_) => Ok(true),
            Err(object_store::Error::AlreadyExists { .. }) => Ok(false),
            // Some stores answer a lost race on a conditional write with
            // 409 Conflict or 412 Precondition Failed.
            Err(object_store::Error::Precondition { .. }) => Ok(false),
            Err(e) => Err(self.failed(rel, e)),
        }
    }

    /// Writes the file at `path` to `rel` unless an object has that name
    /// already (content-addressed objects: the same name, the same bytes).
    pub fn create_from_file(&self, rel: &str, path: &Path) -> Result<bool, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        self.create(rel, bytes)
    }

    /// Whether an object named `rel` exists.
    pub fn exists(&self, rel: &str) -> Result<bool, Error> {
        let key = self.key(rel);
        match self.runtime.block_on(self.store.head(&key)) {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(self.failed(rel, e)),
        }
    }

    /// The names one level below `rel` that hold objects (the folders of
    /// a folder), sorted.
    pub fn dirs(&self, rel: &str) -> Result<Vec<String>, Error> {
        let key = self.key(rel);
        let prefix = (!key.as_ref().is_empty()).then_some(&key);
        let listed = (self
            .runtime
            .block_on(self.store.list_with_delimiter(prefix)))
        .map_err(|e| self.failed(rel, e))?;
        let mut names: Vec<String> = listed
            .common_prefixes
            .iter()
            .filter_map(|p| p.filename().map(String::from))
            .collect();
        names.sort();
        Ok(names)
    }

    /// Every object under `rel`, as (path relative to `rel`, size), sorted.
    pub fn files(&self, rel: &str) -> Result<Vec<(String, u64)>, Error> {
        let key = self.key(rel);
        let prefix = (!key.as_ref().is_empty()).then_some(&key);
        let strip = format!("{}/", key.as_ref());
        let listed: Vec<_> = self.runtime.block_on(async {
            let mut stream = self.store.list(prefix);
            let mut all = Vec::new();
            while let Some(item) = stream.next().await {
                all.push(item);
            }
            all
        });
        let mut files = Vec::new();
        for item in listed {
            let meta = item.map_err(|e| self.failed(rel, e))?;
            let name = meta.location.as_ref();
            let name = if key.as_ref().is_empty() {
                name
            } else {
                name.strip_prefix(&strip).unwrap_or(name)
            };
            files.push((name.to_string(), meta.size));
        }
        files.sort();
        Ok(files)
    }

    /// Removes the object `rel` (for tests and the removal of a claim's
    /// leftovers; archived revisions are never removed).
    pub fn delete(&self, rel: &str) -> Result<(), Error> {
        let key = self.key(rel);
        match self.runtime.block_on(self.store.delete(&key)) {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.failed(rel, e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let url = StoreUrl::parse("s3://papers/xianning/archive/")
            .unwrap()
            .unwrap();
        assert_eq!(url.bucket, "papers");
        assert_eq!(url.prefix, "xianning/archive");
        assert_eq!(url.to_string(), "s3://papers/xianning/archive");
        let bare = StoreUrl::parse("s3://papers").unwrap().unwrap();
        assert_eq!(bare.prefix, "");
        assert_eq!(StoreUrl::parse("archive").unwrap(), None);
        assert_eq!(StoreUrl::parse("/srv/archive").unwrap(), None);
        for bad in [
            "s3://",
            "s3://Papers/x",
            "s3://pa/x",
            "s3://papers/a//b",
            "s3://papers/../x",
        ] {
            assert!(StoreUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
