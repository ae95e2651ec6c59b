-- Every series summarised per block of 32, 1024 and 32768 steps (BlockSummary), so that a downsampled read costs
-- the number of buckets, not the run's length. Kept by the batch writer in the transaction of the points.
create table point_blocks (
    series_id  bigint not null,
    span       bigint not null,
    block      bigint not null,
    first_step bigint not null,
    last_step  bigint not null,
    lo         double precision,
    hi         double precision,
    end_value  double precision,
    n          bigint not null
);
create unique index point_blocks_idx on point_blocks (series_id, span, block);

-- Runs recorded before this version, summarised level by level.
insert into point_blocks (series_id, span, block, first_step, last_step, lo, hi, n)
select series_id, 32, step / 32, min(step), max(step), min(value), max(value), count(*)
from points group by series_id, step / 32;
insert into point_blocks (series_id, span, block, first_step, last_step, lo, hi, n)
select series_id, 1024, first_step / 1024, min(first_step), max(last_step), min(lo), max(hi), sum(n)
from point_blocks where span = 32 group by series_id, first_step / 1024;
insert into point_blocks (series_id, span, block, first_step, last_step, lo, hi, n)
select series_id, 32768, first_step / 32768, min(first_step), max(last_step), min(lo), max(hi), sum(n)
from point_blocks where span = 1024 group by series_id, first_step / 32768;
update point_blocks set end_value = (select p.value from points p
    where p.series_id = point_blocks.series_id and p.step = point_blocks.last_step);
