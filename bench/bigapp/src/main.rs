//! A deterministic workload over many crates: argument parsing, JSON and TOML,
//! regexes, hashing, compression, dates, URLs and Unicode segmentation.
use clap::Parser;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

#[derive(Parser, Debug)]
#[command(name = "bigapp", about = "link-benchmark workload")]
struct Args {
    /// How many records to generate.
    #[arg(long, default_value_t = 200)]
    records: usize,
    /// Words to analyse.
    words: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
struct Record {
    id: u32,
    name: String,
    tags: Vec<String>,
    score: f64,
}

#[derive(Deserialize, Debug)]
struct Config {
    title: String,
    limits: indexmap::IndexMap<String, i64>,
}

fn main() {
    let args = Args::parse();
    let records: Vec<Record> = (0..args.records as u32)
        .map(|id| Record {
            id,
            name: format!("record-{id:04}"),
            tags: (0..id % 4).map(|t| format!("t{t}")).collect(),
            score: f64::from(id) * 1.25,
        })
        .collect();
    let json = serde_json::to_string(&records).expect("serialize");
    let back: Vec<Record> = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, records);
    println!("json: {} bytes, {} records round-tripped", json.len(), back.len());

    let config: Config = toml::from_str("title = \"bench\"\n[limits]\nalpha = 1\nbeta = 22\ngamma = 333\n")
        .expect("toml");
    println!("toml: {} with {:?}", config.title, config.limits);

    let re = regex::Regex::new(r"record-(\d{2})(\d{2})").expect("regex");
    let matches = re.captures_iter(&json).filter(|c| &c[2] == "07").count();
    println!("regex: {matches} ids ending in 07");

    let digest = sha2::Sha256::digest_bytes(json.as_bytes());
    println!("sha256: {}", hex::encode(digest));
    println!("crc32: {:08x}", crc32fast::hash(json.as_bytes()));

    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(json.as_bytes()).expect("compress");
    let compressed = encoder.finish().expect("compress");
    let mut decoded = String::new();
    flate2::read::ZlibDecoder::new(&compressed[..]).read_to_string(&mut decoded).expect("inflate");
    assert_eq!(decoded, json);
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&compressed[..32.min(compressed.len())]);
    println!("zlib: {} -> {} bytes, head {b64}", json.len(), compressed.len());

    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    println!("date: {} is a {}", date, date.format("%A"));
    let version = semver::Version::parse("1.95.0").expect("semver");
    println!("semver: {} matches ^1.90: {}", version, semver::VersionReq::parse("^1.90").unwrap().matches(&version));
    let url = url::Url::parse("https://example.org/a/b?x=1&y=2#frag").expect("url");
    println!("url: host {:?}, {} query pairs", url.host_str(), url.query_pairs().count());

    use itertools::Itertools;
    use unicode_segmentation::UnicodeSegmentation;
    let text = args.words.join(" ");
    let graphemes = text.graphemes(true).count();
    let words = text.unicode_words().sorted().dedup().join(",");
    let small: smallvec::SmallVec<[usize; 8]> = args.words.iter().map(|w| w.len()).collect();
    println!("words: {graphemes} graphemes, unique [{words}], lengths {small:?}");
}

/// sha2 through its `Digest` trait, kept in one place.
trait DigestBytes {
    fn digest_bytes(data: &[u8]) -> Vec<u8>;
}
impl DigestBytes for sha2::Sha256 {
    fn digest_bytes(data: &[u8]) -> Vec<u8> {
        use sha2::Digest;
        sha2::Sha256::digest(data).to_vec()
    }
}
