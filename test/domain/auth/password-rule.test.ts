// The password rule and usernames: what is refused and in which words.
import { describe, expect, it } from 'vitest';
import { characterClasses, isCommonPassword, passwordProblem } from '../../../src/domain/auth/password-rule.ts';
import { normaliseUsername, usernameProblem } from '../../../src/domain/auth/username.ts';

describe('password rule', () => {
  it.each<[string, string | null]>([
    ['Xy7#kq2', '密码至少8位'],
    ['x'.repeat(129), '密码不能超过128位'],
    ['abcdefghij', '密码须包含大写字母、小写字母、数字、符号中的至少3类'],
    ['abcdef1234', '密码须包含大写字母、小写字母、数字、符号中的至少3类'],
    ['Password123', '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个'],
    ['Admin@123', '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个'],
    ['P@ssw0rd', '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个'],
    ['1qaz@WSX', '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个'],
    ['Woaini1314!', '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个'],
    ['Qq123456!', '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个'],
    ['Gh-2021-lina', null],
    ['襄垣Xy-2021', null],
    ['Hk7#mp2q', null],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('refuses a password that contains the username, in any case', () => {
    expect(passwordProblem('GH-LiNa-2021', { username: 'gh-lina' })).toBe('密码不能包含用户名');
    expect(passwordProblem('Kq7-2021-xyz', { username: 'gh-lina' })).toBeNull();
  });

  it('counts the four kinds of character', () => {
    expect([characterClasses('abc'), characterClasses('aB'), characterClasses('aB3'), characterClasses('aB3-'), characterClasses('中文')]).toEqual([1, 2, 3, 4, 1]);
  });

  it('reads a common word behind digits, symbols and look-alike characters', () => {
    expect(isCommonPassword('!!Dragon2024')).toBe(true);
    expect(isCommonPassword('5uperman')).toBe(true);
    expect(isCommonPassword('Dragonfly-77')).toBe(false);
  });
});

describe('usernames', () => {
  it('are one whatever the case or width they are typed in', () => {
    expect(normaliseUsername(' GH-Li ')).toBe('gh-li');
    expect(normaliseUsername('ＧＨ－ｌｉ')).toBe('gh-li');
  });

  it.each<[string, string | null]>([
    ['gh', '用户名应为3-40位'],
    ['a'.repeat(41), '用户名应为3-40位'],
    ['李娜', '用户名只能用字母、数字和 _ . -'],
    ['gh li', '用户名只能用字母、数字和 _ . -'],
    ['gh-li.2', null],
  ])('%s → %s', (username, problem) => {
    expect(usernameProblem(username)).toBe(problem);
  });
});
