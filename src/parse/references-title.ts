/**
 * The title of a reference list, alone on its line: "References", "Sources:", 参考文献,
 * 參考資料, 資料來源. Group 1 is the title's word. One expression for the parsers (which make the line a
 * heading) and for the citation stage (which finds the list under it), so a title one of
 * them knows the others know too.
 */
export const REFERENCES_TITLE = /^\s*(references|sources|bibliography|works cited|citations|参考文献|参考资料|參考文獻|參考資料|资料来源|資料來源|参考来源|參考來源)\s*[:：]?\s*$/iu;
