//! An S3-compatible object store on loopback for the archive's object-store
//! tests: moto's server as `scripts/s3-server.sh install` installs it
//! (`scripts/test.sh` does), one server per test on a free port, with the
//! bucket `banmian`. The tests look at the store through plain HTTP, not
//! through banmian's client.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{Run, root};

/// The bucket every test store has.
pub const BUCKET: &str = "banmian";

/// What the tests sign their requests with: the server takes any signature
/// but refuses reads that carry none, as an anonymous reader of a private
/// bucket.
const AUTHORIZATION: &str = "Authorization: AWS4-HMAC-SHA256 \
    Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00";

/// A running S3 server, stopped when dropped.
pub struct S3 {
    child: Child,
    port: u16,
}

/// Where the server program is: `$BANMIAN_MOTO`, or where the script
/// installs it.
fn server() -> PathBuf {
    if let Some(path) = std::env::var_os("BANMIAN_MOTO") {
        return PathBuf::from(path);
    }
    let out = Command::new("bash")
        .arg(root().join("scripts/s3-server.sh"))
        .arg("path")
        .output()
        .expect("bash runs");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

impl S3 {
    /// Starts a server and makes the bucket.
    pub fn start() -> Self {
        let program = server();
        assert!(
            program.is_file(),
            "{} is missing: run `scripts/s3-server.sh install` (scripts/test.sh does)",
            program.display()
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(&program)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the S3 server starts");
        let s3 = Self { child, port };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "no S3 server on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let (status, _) = s3.http("PUT", &format!("/{BUCKET}"), &[]);
        assert_eq!(status, 200, "creating the bucket");
        s3
    }

    /// The endpoint, as `AWS_ENDPOINT_URL`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `run` against this store, with `cache` as its machine's cache.
    pub fn on(&self, run: Run, cache: &Path) -> Run {
        run.env("AWS_ENDPOINT_URL", self.endpoint())
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_REGION", "us-east-1")
            .env("AWS_PROFILE", "banmian-tests-none")
            .env("BANMIAN_CACHE", cache)
    }

    /// The keys under `prefix`, sorted.
    pub fn keys(&self, prefix: &str) -> Vec<String> {
        let mut keys = Vec::new();
        let mut after = String::new();
        loop {
            let path = format!("/{BUCKET}?list-type=2&prefix={prefix}&start-after={after}");
            let (status, body) = self.http("GET", &path, &[]);
            assert_eq!(status, 200);
            let body = String::from_utf8(body).unwrap();
            let page: Vec<String> = body
                .split("<Key>")
                .skip(1)
                .map(|rest| rest.split("</Key>").next().unwrap().to_string())
                .collect();
            let Some(last) = page.last().cloned() else {
                break;
            };
            keys.extend(page);
            if !body.contains("<IsTruncated>true") {
                break;
            }
            after = last;
        }
        keys.sort();
        keys
    }

    /// The object `key`.
    pub fn get(&self, key: &str) -> Vec<u8> {
        let (status, body) = self.http("GET", &format!("/{BUCKET}/{key}"), &[]);
        assert_eq!(status, 200, "GET {key}");
        body
    }

    /// Writes the object `key`, as anyone with the keys could.
    pub fn put(&self, key: &str, bytes: &[u8]) {
        let (status, _) = self.http("PUT", &format!("/{BUCKET}/{key}"), bytes);
        assert_eq!(status, 200, "PUT {key}");
    }

    /// One HTTP/1.1 request; gives the status and the body.
    fn http(&self, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{AUTHORIZATION}\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.port,
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an HTTP response");
        let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
        let status = head[9..12].parse().unwrap();
        let body = response[split + 4..].to_vec();
        let body = if head.contains("transfer-encoding: chunked") {
            dechunk(&body)
        } else {
            body
        };
        (status, body)
    }
}

/// A chunked HTTP body joined.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&body[..end]).trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
    out
}

impl Drop for S3 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
