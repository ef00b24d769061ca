-- The next free number under a prefix (2024-, 十八届三次-) is the highest seq of the numbers that begin with it
-- (Tx.nextNumber). Without an index that was a scan of every item for every item saved, so an import of
-- n items took n² steps. A prefix holds exactly one '-', at its end, so "begins with the prefix" is "the text
-- up to the first '-' is the prefix": this index answers it, the largest seq last.
CREATE INDEX suggestions_number_prefix ON suggestions (substr(number, 1, instr(number, '-')), seq);
