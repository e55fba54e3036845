// The validation engine's public face: rules as data, compiled against a template, evaluated purely.
export { parseRuleSet, RulesError, type Rule, type RuleSet, type RuleScope } from './schema.ts';
export { compileRules, type CompiledRules } from './compile.ts';
export { runRules, runSubmissionRules } from './engine.ts';
export { findingKey, findingKeyYear } from './finding.ts';
export { blockingErrors, buildReport, formatFindingLine, formatReportText, reportToJson, summaryLine, type ReportJson } from './report.ts';
export type { FindingAcknowledgement, FindingCell, ReportedDocument, UnitFiguresInput, ValidationFinding, ValidationInput, ValidationReport } from './types.ts';
