-- What the search box matches (server/domain/search-text.ts): the Chinese name, the English or
-- pinyin name, the credit code and the id, each case-, space- and width-folded. Written by imports
-- and the demo; rows from before this column are filled once at start-up (search-text-store.ts),
-- because the pinyin comes from a JavaScript library SQL cannot call.
ALTER TABLE enterprises ADD COLUMN search_text VARCHAR;
