// The command line's own words in Chinese (help, commander's usage errors) and the checks of option values by the kind
// their placeholder names (<month>, <day>, <year>): a wrong value is wrong usage, exit 2, for every command alike.

import { Help, type Command, type Option } from 'commander';
import { AppError } from '../domain/errors.ts';
import { isDay, isMonth } from '../domain/months.ts';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

const placeholders = (text: string) => text.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]');

// Commander's notes after an option's description: (default: "3000"), (choices: …), (env: …), (preset: …). A
// description that already says its default keeps its own words.
const NOTES: Record<string, string> = { default: '默认', choices: '可选', env: '环境变量', preset: '不带取值时' };
const notes = (text: string) =>
  text.replace(/ ?\((default|choices|env|preset): (.*)\)$/, (_, k: string, v: string) => (k === 'default' && /默认/.test(text) ? '' : `（${NOTES[k]}：${v.replace(/"/g, '')}）`));

// Terminals give a Chinese character two columns: the help's columns line up only if it is counted so.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;
function displayWidth(text: string): number {
  const plain = text.replace(/\x1b\[[\d;]*m/g, '');
  return plain.length + (plain.match(WIDE)?.length ?? 0);
}

// Commander's error messages, each as people here read it. Commander words them in English only.
const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: missing required argument '(.+)'/, (a) => `缺少参数 <${a}>`],
  [/^error: option '(.+)' argument missing/, (o) => `选项 ${o} 缺少取值`],
  [/^error: required option '(.+)' not specified/, (o) => `缺少必填选项 ${o}`],
  [/^error: unknown option '(.+?)'/, (o) => `没有选项 ${o}`],
  [/^error: unknown command '(.+?)'/, (c) => `没有命令 ${c}`],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, (c, want, got) => `${c ? `${c} 的` : ''}参数过多：应有 ${want} 个，给了 ${got} 个`],
  [/^error: (.+) cannot be used with (.+)/, (a, b) => `${a} 不能与 ${b} 同时使用`],
  [/^error: option '(.+)' argument '(.*)' is invalid\.?(.*)/, (o, v, why) => `选项 ${o} 的取值“${v}”无效${why.trim() ? `：${why.trim()}` : ''}`],
];

/** One of commander's messages in Chinese, with its "(Did you mean …?)" suggestion. */
export function commanderMessage(text: string): string {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const known = ERRORS.find(([re]) => re.test(first));
  const line = known ? known[1](...first.match(known[0])!.slice(1).map((s) => s ?? '')) : first.replace(/^error: /, '');
  const suggestion = rest.map((r) => r.replace(/^\(Did you mean (?:one of )?(.+)\?\)$/, '（是不是要用 $1？）'));
  return [`错误：${line}`, ...suggestion].join('\n') + '\n';
}

/**
 * Sets the program's help and error display in Chinese. Call it before declaring commands: commander copies these
 * settings into every command declared under the program.
 */
export function speakChinese(program: Command): Command {
  return program
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .showHelpAfterError('（用 --help 查看用法）')
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(commanderMessage(s)),
    })
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      displayWidth,
      formatHelp: (cmd, helper) => Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^用法： /, '用法：'),
      commandUsage: (cmd) => placeholders(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd) => placeholders(Help.prototype.subcommandTerm.call(new Help(), cmd)),
      optionDescription: (option) => notes(Help.prototype.optionDescription.call(new Help(), option)),
    });
}

type Check = (value: string) => string | null;

const YEAR_RE = /^\d{4}$/;
/** What an option's value must look like, by the name of its placeholder in the option's flags. */
const CHECKS: Record<string, Check> = {
  month: (v) => (isMonth(v) ? null : `应为月份 YYYY-MM，如 2021-05`),
  day: (v) => (isDay(v) ? null : `应为日期 YYYY-MM-DD，如 2021-05-31`),
  year: (v) => (YEAR_RE.test(v) && Number(v) >= 2000 && Number(v) <= 2100 ? null : `应为年份，如 2021`),
};

function placeholderOf(option: Option): string | undefined {
  return /[<[]([\w-]+)[>\]]/.exec(option.flags)?.[1];
}

/**
 * Refuses, as wrong usage, an option value that is not of its placeholder's kind (`--as-of <month>` given `2021-5`),
 * before the command opens a database. Run as every command's preAction hook.
 */
export function checkOptionValues(command: Command): void {
  for (const option of command.options) {
    const check = CHECKS[placeholderOf(option) ?? ''];
    const value: unknown = command.getOptionValue(option.attributeName());
    if (!check || typeof value !== 'string') continue;
    const problem = check(value);
    if (problem) throw new AppError('invalid_usage', `${option.long ?? option.flags} ${problem}，而不是“${value}”`);
  }
}
