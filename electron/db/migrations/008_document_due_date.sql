-- A document of Phụ lục 02 may carry the date by which it was due ("Thời hạn ban hành"), so that section B.I
-- can say how many were issued on time. Optional: NULL when the unit gave none.
ALTER TABLE documents ADD COLUMN han TEXT;
