//! `cargo bench -p mws-sign --bench overlap`: how much independent integer
//! work the CPU hides under one SHA-256 block compression.
//!
//! Signing interleaves a chain of compressions (each needs the previous
//! state) with encoding work that does not depend on them. This measures,
//! for growing amounts of such work per compression, the work alone, a
//! chain of compressions alone, and both interleaved: `hidden` is the part
//! of the work that cost nothing. BENCHMARKS.md ("Where the time goes")
//! uses it to explain why the encoding cannot vanish under the MAC.

// A harness: stopping loudly on a broken set-up is right.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

/// `rounds` rounds of four independent multiply-rotate lanes (about ten
/// instructions a round), so the work is bound by throughput, not latency.
#[inline(never)]
fn work(seed: u64, rounds: u32) -> u64 {
    let (mut a, mut b, mut c, mut d) = (seed, seed ^ 1, seed ^ 2, seed ^ 3);
    for _ in 0..rounds {
        a = a.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(5);
        b = b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F).rotate_left(7);
        c = c.wrapping_add(a ^ 0x1234).rotate_left(9);
        d = d.wrapping_add(b ^ 0x4321).rotate_left(11);
    }
    a ^ b ^ c ^ d
}

/// Nanoseconds per iteration of `f`, the best of five runs.
fn time(iterations: u64, mut f: impl FnMut(u64)) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            for i in 0..iterations {
                f(i);
            }
            start.elapsed().as_nanos() as f64 / iterations as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let iterations = 500_000;
    let block = [[0x36u8; 64]];
    println!("work per compression      work  compress      both    hidden");
    for rounds in [0u32, 5, 10, 20, 40, 80] {
        let mut sink = 0u64;
        let alone = time(iterations, |i| {
            sink ^= work(black_box(i), black_box(rounds))
        });
        let mut state = [0u32; 8];
        let chain = time(iterations, |_| {
            sha2::block_api::compress256(&mut state, black_box(&block));
        });
        let both = time(iterations, |i| {
            sha2::block_api::compress256(&mut state, black_box(&block));
            sink ^= work(black_box(i), black_box(rounds));
        });
        black_box((sink, state));
        println!(
            "~{:4} instructions   {alone:7.1} ns {chain:7.1} ns {both:7.1} ns {:7.1} ns",
            10 * rounds + 10,
            alone + chain - both
        );
    }
    // Whether compressions overlap one another: two independent chains
    // (like keying's inner and outer pads) against one chain of the same
    // length. HMAC has only keying's pair to run side by side.
    let (mut first, mut second) = ([0u32; 8], [1u32; 8]);
    let one = time(iterations, |_| {
        sha2::block_api::compress256(&mut first, black_box(&block));
        sha2::block_api::compress256(&mut first, black_box(&block));
    });
    let two = time(iterations, |_| {
        sha2::block_api::compress256(&mut first, black_box(&block));
        sha2::block_api::compress256(&mut second, black_box(&block));
    });
    black_box((first, second));
    println!("two compressions, one chain {one:7.1} ns, two independent chains {two:7.1} ns");
}
