//! Stored plans equal the planner at every instant: for any collaboration (random states,
//! items, deadlines, promises and timelines) and any `now`, the rows of `plans::rows` valid
//! at `now` give exactly what `plan` computes, in both languages.

use chrono::{DateTime, Duration, FixedOffset};
use liaison_engine::{Lang, PlanContext, Policy, plan, plans};
use liaison_time::{Calendar, WorkHours};
use proptest::prelude::*;

#[path = "support/collabs.rs"]
mod collabs;
use collabs::{collab, directory, t0};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn stored_rows_equal_the_planner_at_every_instant(
        c in collab(),
        nows in proptest::collection::vec(-72i64 * 60..700 * 60, 1..12),
    ) {
        let dir = directory();
        let cal = Calendar::cn();
        let policy = Policy::default();
        let base = PlanContext {
            policy: &policy,
            calendar: &cal,
            hours: WorkHours::default(),
            tz: chrono_tz::Asia::Shanghai,
            directory: &dir,
            now: t0(),
            lang: Lang::Zh,
        };
        let rows = plans::rows(&c, &base);
        // Every deadline instant itself is a boundary worth checking too.
        let mut instants: Vec<DateTime<FixedOffset>> =
            nows.iter().map(|m| t0() + Duration::minutes(*m)).collect();
        for i in &c.items {
            for d in [i.due, i.promised].into_iter().flatten() {
                instants.extend([d - Duration::seconds(1), d, d + Duration::seconds(1)]);
            }
        }
        for now in instants {
            for lang in [Lang::Zh, Lang::En] {
                let cx = PlanContext { now, lang, ..base.clone() };
                prop_assert_eq!(plans::at(&rows, &cx), plan(std::slice::from_ref(&c), &cx));
            }
        }
    }
}
