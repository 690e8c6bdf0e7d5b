/** Types of build-stamp.mjs (plain JavaScript: the launcher runs it before anything is compiled). */
export declare const ROOT: string;
export declare const STAMP_FILE: string;
export declare function writeStamp(): void;
export declare function checkStamp(): { current: true } | { current: false; reason: string };
