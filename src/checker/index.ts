/**
 * The checker's public API (`tdm-reserve/checker`): verdicts per item and use with their evidence, and
 * the offline readers of robots.txt, TDMRep and the HTTP/HTML signals.
 */
export * from './model.js';
export { CheckerError, type CheckerErrorCode } from './errors.js';
export { parseRobots, ROBOTS_MAX_BYTES, type RobotsTxt, type RobotsGroup, type RobotsRule, type ContentUsageRule } from './robots-parse.js';
export { evaluateRobots, forAgent, decideCrawl, robotsPath, type RobotsAnswer, type RobotsAgentView, type CrawlDecision } from './robots-eval.js';
export { readAipref, combinePreferences, AIPREF_LABELS, type AiprefPreferences, type AiprefReading, type Preference } from './aipref.js';
export { readContentSignal, combineContentSignals, type ContentSignals } from './content-signal.js';
export { parseTdmrep, matchTdmrep, TDMREP_MAX_BYTES, type TdmrepFile, type TdmrepFileMatch, type TdmrepRule, type Reservation } from './tdmrep-file.js';
export { resolveTdmrep, fileStep, headerStep, metaStep, tdmrepEvidence, type TdmrepResult, type TdmrepStep } from './tdmrep-resolve.js';
export { readHtmlSignals, type HtmlSignals } from './html-signals.js';
export { checkUrl, siteFiles, type CheckUrlOptions, type UrlCheck, type SiteFiles, type PolicyDocument } from './check-url.js';
export { HttpFetcher, HostGate, type Fetcher, type FetchResult, type HttpFetcherOptions } from './http-fetch.js';
export { OriginCache, MAX_CACHE_MS } from './origin-cache.js';
export { summariseTdmPolicy, type TdmPolicySummary } from './tdmrep-policy.js';
export { checkFile, type CheckFileOptions, type FileCheck } from './check-file.js';
export { readXmp, findXmpPackets, type XmpReading } from './xmp-read.js';
export { readMediaTags, type MediaTags } from './media-tags.js';
export { listMediaFiles, isMediaFile, MEDIA_EXTENSIONS } from './media-walk.js';
export { guardedFetch, crawleeGuard, urlGuard, type GuardOptions, type GuardDecision, type CrawleeContextLike } from './guard.js';
export { checkManifest, type ManifestCheckOptions, type RowMatcher } from './manifest-check.js';
export { SnapshotMatcher, type MatchOptions, type SnapshotData } from './manifest-match.js';
export { ServiceMatcher, type ServiceOptions } from './manifest-online.js';
export { readManifest, manifestFormat, type ManifestFormat, type ReadItem } from './manifest-read.js';
export { runFastCsv, runFastJsonl, workersFor, type FastOptions } from './manifest-fast-run.js';
export { runFastParquet } from './manifest-parquet-run.js';
export { renderReport, type ReportMeta } from './manifest-report.js';
export { SummaryBuilder, type ManifestSummary } from './manifest-summary.js';
export { fileSink, type OutcomeSink } from './manifest-output.js';
export type { ManifestRow, RowOutcome, MatchMethod, RowStatus } from './manifest-model.js';
