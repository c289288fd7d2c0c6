//! Throughput of segmentation over the sample corpus (written below).
fn main() {}
