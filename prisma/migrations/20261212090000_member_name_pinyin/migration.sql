-- Member names sort by pinyin (issue #18 item 19). Under the database's C collation a roster
-- ordered by name came out by character code (刘 李 张 王 …), an order nobody reads a list in.
-- With the column collated by ICU's Chinese rules every ORDER BY name — the paginated member
-- lists included, sorted and cut into pages in the database — is 阿 陈 李 刘 王 张 …, with no
-- change to the queries; equality stays bytewise (the collation is deterministic). Prisma's
-- schema language cannot express a column collation, so schema.prisma does not show it.
ALTER TABLE "member" ALTER COLUMN "name" SET DATA TYPE TEXT COLLATE "zh-x-icu";
