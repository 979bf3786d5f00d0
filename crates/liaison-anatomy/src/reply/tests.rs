use super::*;

#[test]
fn dbg_tmp() {
    let n = "sorry for the delay – ";
    panic!("{:?} {:?}", cues::occurrences(n, "delay"), cues::any(n, cues::DELAY));
}
