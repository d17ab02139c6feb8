//! Benchmark (not a test), issue 5: photo ingest. Makes N 24-megapixel JPEGs (6000 x
//! 4000, textured, EXIF; every other one with Orientation 6) in a temp dir, then times
//! producing the SAME two outputs per file (preview, longest side 1600, and thumbnail,
//! longest side 320; JPEG quality 82, metadata stripped, orientation applied) with:
//!
//! 1. ours: `imaging::inspect` + `imaging::renditions` (one decode at a reduced DCT scale
//!    for both outputs), reading the file and writing both outputs;
//! 2. `vipsthumbnail` (libvips), two invocations per file since one makes one output;
//!    also chained (the 320 from the 1600 output, like ours) and in batch mode (one
//!    invocation per size for all files);
//! 3. ImageMagick `/usr/bin/convert` (`/usr/local/bin/convert` on the dev machine is a
//!    stand-in), as given and with the `jpeg:size` shrink-on-load hint.
//!
//! Each with default threading and single-threaded (ours: `RAYON_NUM_THREADS=1` in a
//! child process, as jpeg-decoder runs its IDCT on the rayon pool; vips:
//! `VIPS_CONCURRENCY=1`; ImageMagick: `MAGICK_THREAD_LIMIT=1`). Missing tools are
//! skipped with a message (`apt-get install libvips-tools imagemagick`).
//!
//! Run: `cargo bench -p server --bench photo_ingest` (optionally `-- 6 3` for the
//! number of files and the rounds over them). Prints the per-file median in ms for each
//! and the ratios to ours.

use app::domain::imaging::{self, fixtures, fixtures::FixtureMeta, Limits};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "PHOTO_INGEST_CHILD";
const VIPS: &str = "vipsthumbnail";
const CONVERT: &str = "/usr/bin/convert";

fn main() {
    let numbers: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let files_n = numbers.first().copied().unwrap_or(6).max(1);
    let rounds = numbers.get(1).copied().unwrap_or(3).max(1);

    if let Ok(dir) = std::env::var(CHILD_ENV) {
        // Child: ours only, on the files the parent made.
        let files = list_jpegs(Path::new(&dir));
        let out = Path::new(&dir).join("out_child");
        std::fs::create_dir_all(&out).unwrap();
        let t = time_ours(&files, &out, rounds);
        println!("CHILD {}", ms(t));
        return;
    }

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    println!(
        "photo_ingest: {files_n} JPEGs of 6000x4000, {rounds} rounds, {} CPUs, temp dir {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        dir.display()
    );
    let started = Instant::now();
    let files: Vec<PathBuf> = (0..files_n)
        .map(|i| {
            let meta = FixtureMeta {
                orientation: Some(if i % 2 == 0 { 1 } else { 6 }),
                taken: Some("2026:11:22 10:00:00"),
                offset: Some("+02:00"),
                serial: Some("SN-BENCH"),
                with_all_metadata: true,
            };
            let bytes = fixtures::jpeg(6000, 4000, 1000 + i as u64, &meta);
            let path = dir.join(format!("photo_{i}.jpg"));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    let sizes: Vec<String> = files
        .iter()
        .map(|f| format!("{:.1}", std::fs::metadata(f).unwrap().len() as f64 / 1e6))
        .collect();
    println!(
        "made the files in {:.1} s; sizes MB: {} (quality 90, EXIF+XMP+IPTC+COM, orientation 1/6 alternating)",
        started.elapsed().as_secs_f64(),
        sizes.join(", ")
    );
    let tiny = dir.join("tiny").join("tiny.jpg");
    std::fs::create_dir_all(tiny.parent().unwrap()).unwrap();
    std::fs::write(&tiny, fixtures::jpeg(64, 48, 1, &FixtureMeta::NONE)).unwrap();

    let mut results: Vec<(String, Duration)> = Vec::new();

    // 1. Ours.
    println!("\n== ours: imaging::inspect + imaging::renditions (read file, write both) ==");
    let out = dir.join("out_ours");
    std::fs::create_dir_all(&out).unwrap();
    let t = time_ours(&files, &out, rounds);
    results.push(("ours (default: rayon pool for IDCT)".into(), t));
    check_outputs("ours", &out, &files);
    let child = Command::new(std::env::current_exe().unwrap())
        .args([files_n.to_string(), rounds.to_string()])
        .env(CHILD_ENV, dir)
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&child.stdout);
    match stdout
        .lines()
        .find_map(|l| l.strip_prefix("CHILD "))
        .and_then(|v| v.trim().parse::<f64>().ok())
    {
        Some(v) => results.push((
            "ours (RAYON_NUM_THREADS=1)".into(),
            Duration::from_secs_f64(v / 1000.0),
        )),
        None => println!(
            "single-threaded child failed: {}",
            String::from_utf8_lossy(&child.stderr)
        ),
    }
    let ours = results[0].1;

    // 2. vipsthumbnail.
    if tool_works(VIPS, &["--vips-version"]) {
        let version = tool_output(VIPS, &["--vips-version"]);
        println!("\n== {VIPS} ({}) ==", version.trim());
        let out = dir.join("out_vips");
        std::fs::create_dir_all(&out).unwrap();
        let o = out.display();
        let cmd = |size: u32| {
            vec![
                "-s".to_string(),
                size.to_string(),
                "-o".to_string(),
                format!("{o}/%s_{size}.jpg[Q=82,strip]"),
            ]
        };
        println!(
            "per file: {VIPS} FILE {}  &&  {VIPS} FILE {}",
            cmd(1600).join(" "),
            cmd(320).join(" ")
        );
        println!("(one invocation makes one output: -s takes one size, so two runs per file)");
        for (label, env) in [
            ("vipsthumbnail x2 (default threads)", None),
            (
                "vipsthumbnail x2 (VIPS_CONCURRENCY=1)",
                Some(("VIPS_CONCURRENCY", "1")),
            ),
        ] {
            let t = time_per_file(&files, rounds, |f| {
                run(VIPS, &[&[path_arg(f)], &cmd(1600)[..]].concat(), env);
                run(VIPS, &[&[path_arg(f)], &cmd(320)[..]].concat(), env);
            });
            results.push((label.into(), t));
        }
        check_outputs("vips", &out, &files);

        // Chained: the thumbnail from the 1600 output, as ours does.
        println!(
            "chained: {VIPS} FILE {}  &&  {VIPS} {o}/NAME_1600.jpg -s 320 -o {o}/%s_c320.jpg[Q=82,strip]",
            cmd(1600).join(" ")
        );
        let t = time_per_file(&files, rounds, |f| {
            run(VIPS, &[&[path_arg(f)], &cmd(1600)[..]].concat(), None);
            let stem = f.file_stem().unwrap().to_string_lossy();
            let preview = out.join(format!("{stem}_1600.jpg"));
            run(
                VIPS,
                &[
                    path_arg(&preview),
                    "-s".into(),
                    "320".into(),
                    "-o".into(),
                    format!("{o}/%s_c320.jpg[Q=82,strip]"),
                ],
                None,
            );
        });
        results.push(("vipsthumbnail chained 1600 -> 320".into(), t));

        // Batch: one process per size for all files (start-up paid once per size).
        println!(
            "batch: {VIPS} FILE1 .. FILE{files_n} {}  &&  {VIPS} FILE1 .. FILE{files_n} {}",
            cmd(1600).join(" "),
            cmd(320).join(" ")
        );
        let all: Vec<String> = files.iter().map(|f| path_arg(f)).collect();
        let mut batch = Vec::new();
        for _ in 0..rounds {
            let start = Instant::now();
            run(VIPS, &[&all[..], &cmd(1600)[..]].concat(), None);
            run(VIPS, &[&all[..], &cmd(320)[..]].concat(), None);
            batch.push(start.elapsed() / files_n as u32);
        }
        results.push(("vipsthumbnail batch, per file".into(), median(batch)));

        let t = time_per_file(std::slice::from_ref(&tiny), rounds * 3, |f| {
            run(VIPS, &[&[path_arg(f)], &cmd(1600)[..]].concat(), None);
        });
        println!(
            "start-up: one {VIPS} run on a 64x48 JPEG takes {:.1} ms",
            ms(t)
        );
    } else {
        println!("\n{VIPS} not found: skipped (apt-get install libvips-tools)");
    }

    // 3. ImageMagick.
    if tool_works(CONVERT, &["-version"]) {
        let version = tool_output(CONVERT, &["-version"]);
        println!(
            "\n== {CONVERT} ({}) ==",
            version.lines().next().unwrap_or("").trim()
        );
        let out = dir.join("out_convert");
        std::fs::create_dir_all(&out).unwrap();
        let args = |f: &Path, size: u32, hint: bool| {
            let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
            let mut a = Vec::new();
            if hint {
                // Lets libjpeg decode at a reduced scale (at least 2x the target).
                a.extend([
                    "-define".to_string(),
                    format!("jpeg:size={0}x{0}", size * 2),
                ]);
            }
            a.extend([
                path_arg(f),
                "-auto-orient".into(),
                "-thumbnail".into(),
                format!("{size}x{size}"),
                "-strip".into(),
                "-quality".into(),
                "82".into(),
                out.join(format!("{stem}_{size}.jpg")).display().to_string(),
            ]);
            a
        };
        println!(
            "per file: {CONVERT} {}  &&  {CONVERT} {}",
            args(Path::new("FILE.jpg"), 1600, false).join(" "),
            args(Path::new("FILE.jpg"), 320, false).join(" ")
        );
        println!(
            "with hint: {CONVERT} {}  (and the same for 320 with jpeg:size=640x640)",
            args(Path::new("FILE.jpg"), 1600, true).join(" ")
        );
        for (label, hint, env) in [
            ("convert x2 (default threads)", false, None),
            (
                "convert x2 (MAGICK_THREAD_LIMIT=1)",
                false,
                Some(("MAGICK_THREAD_LIMIT", "1")),
            ),
            ("convert x2 + jpeg:size hint", true, None),
        ] {
            let t = time_per_file(&files, rounds, |f| {
                run(CONVERT, &args(f, 1600, hint), env);
                run(CONVERT, &args(f, 320, hint), env);
            });
            results.push((label.into(), t));
        }
        check_outputs("convert", &out, &files);
    } else {
        println!("\n{CONVERT} not found: skipped (apt-get install imagemagick)");
    }

    println!("\n== per-file median, both outputs ==");
    for (label, t) in &results {
        println!(
            "{label:<42} {:>8.1} ms   {:>5.2}x ours",
            ms(*t),
            t.as_secs_f64() / ours.as_secs_f64()
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn path_arg(p: &Path) -> String {
    p.display().to_string()
}

fn list_jpegs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    files.sort();
    files
}

/// One warm-up pass on the first file, then `rounds` passes over all files; the median
/// of the per-file times.
fn time_per_file(files: &[PathBuf], rounds: usize, mut f: impl FnMut(&Path)) -> Duration {
    f(&files[0]);
    let mut times = Vec::new();
    for _ in 0..rounds {
        for file in files {
            let start = Instant::now();
            f(file);
            times.push(start.elapsed());
        }
    }
    median(times)
}

fn time_ours(files: &[PathBuf], out: &Path, rounds: usize) -> Duration {
    time_per_file(files, rounds, |f| {
        let bytes = std::fs::read(f).unwrap();
        let info = imaging::inspect(&bytes, &Limits::default()).unwrap();
        let r = imaging::renditions(&bytes, &info).unwrap();
        let stem = f.file_stem().unwrap().to_string_lossy();
        std::fs::write(out.join(format!("{stem}_1600.jpg")), &r.preview).unwrap();
        std::fs::write(out.join(format!("{stem}_320.jpg")), &r.thumb).unwrap();
    })
}

fn tool_works(tool: &str, args: &[&str]) -> bool {
    Command::new(tool)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn tool_output(tool: &str, args: &[&str]) -> String {
    Command::new(tool)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

fn run(tool: &str, args: &[String], env: Option<(&str, &str)>) {
    let mut cmd = Command::new(tool);
    cmd.args(args);
    if let Some((k, v)) = env {
        cmd.env(k, v);
    }
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Prints the outputs' sizes for the first two files (one of each orientation) and
/// whether any carries metadata.
fn check_outputs(name: &str, out: &Path, files: &[PathBuf]) {
    let mut notes = Vec::new();
    for f in files.iter().take(2) {
        let stem = f.file_stem().unwrap().to_string_lossy();
        for size in [1600, 320] {
            let path = out.join(format!("{stem}_{size}.jpg"));
            let Ok(bytes) = std::fs::read(&path) else {
                notes.push(format!("{stem}_{size}: missing"));
                continue;
            };
            let (w, h, _) = fixtures::decode_rgb(&bytes);
            let meta = fixtures::jpeg_metadata_markers(&bytes);
            notes.push(format!(
                "{stem}_{size}: {w}x{h} {:.0} kB{}",
                bytes.len() as f64 / 1e3,
                if meta.is_empty() {
                    String::new()
                } else {
                    format!(" METADATA {meta:x?}")
                }
            ));
        }
    }
    println!("{name} outputs: {}", notes.join("; "));
}
