//! The export report (pairs in = kept + rejected, by reason, plus what
//! the writers changed) and the rejects record.

use std::collections::BTreeMap;

use serde::Serialize;
use tarjama_record::PairRecordV1;

use crate::WriteStats;
use crate::filter::Reason;

/// Counts of one export run. Serializes to JSON with every reason
/// present (zero when unused), in a fixed order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// Pairs read.
    pub pairs_in: u64,
    /// Pairs written to the output.
    pub kept: u64,
    /// Pairs rejected (written to the rejects file when there is one).
    pub rejected: u64,
    /// Rejected pairs by reason name.
    pub rejected_by_reason: BTreeMap<String, u64>,
    /// What the writer changed to fit the kept pairs into the format.
    pub writer: WriteStats,
}

impl Default for Report {
    fn default() -> Report {
        Report {
            pairs_in: 0,
            kept: 0,
            rejected: 0,
            rejected_by_reason: Reason::ALL
                .into_iter()
                .map(|r| (r.name().to_string(), 0))
                .collect(),
            writer: WriteStats::default(),
        }
    }
}

impl Report {
    /// An empty report.
    pub fn new() -> Report {
        Report::default()
    }

    /// Counts one pair: kept when `verdict` is `None`.
    pub fn count(&mut self, verdict: Option<Reason>) {
        self.pairs_in += 1;
        match verdict {
            None => self.kept += 1,
            Some(reason) => {
                self.rejected += 1;
                *self
                    .rejected_by_reason
                    .entry(reason.name().to_string())
                    .or_insert(0) += 1;
            }
        }
    }

    /// Whether pairs in = kept + rejected = kept + the sum over reasons.
    pub fn is_balanced(&self) -> bool {
        let by_reason: u64 = self.rejected_by_reason.values().sum();
        self.pairs_in == self.kept + self.rejected
            && self.rejected == by_reason
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A rejected pair: the record with its `reason` added (one JSON line of
/// the rejects file, readable again as a pair record).
#[derive(Debug, Serialize)]
pub struct Rejected<'a> {
    /// The rejected record.
    #[serde(flatten)]
    pub pair: &'a PairRecordV1,
    /// The reason name.
    pub reason: &'static str,
}

impl<'a> Rejected<'a> {
    /// A rejects entry for `pair`.
    pub fn new(pair: &'a PairRecordV1, reason: Reason) -> Rejected<'a> {
        Rejected { pair, reason: reason.name() }
    }

    /// The entry as one JSON line (without the newline).
    pub fn to_json_line(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_balance_and_rejects_read_back() {
        let mut report = Report::new();
        report.count(None);
        report.count(Some(Reason::Empty));
        report.count(Some(Reason::Empty));
        assert!(report.is_balanced());
        assert_eq!(report.rejected_by_reason["empty"], 2);
        assert_eq!(report.rejected_by_reason["duplicate"], 0);
        let json = report.to_json();
        assert!(json.contains("\"pairs_in\": 3"), "{json}");

        let pair = PairRecordV1::new("ar", "", "en", "Yes");
        let line = Rejected::new(&pair, Reason::Empty).to_json_line().unwrap();
        assert!(line.ends_with(r#","reason":"empty"}"#), "{line}");
        assert_eq!(PairRecordV1::from_json_line(&line).unwrap(), pair);
    }
}
