import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAdvertising, describeMissingAdRules, isKoreanNightTime } from '../../../src/messaging/advertising';

/** A moment given in Korea time (UTC+9), on a day when UTC is a day behind in the morning. */
const kst = (hour: number, minute = 0): Date => new Date(Date.UTC(2025, 4, 2, hour - 9, minute));
const NOON = kst(12);
const COMPLIANT = '(광고) 바른꽃집 5월 할인 이벤트! 전 품목 20% 할인. 문의 02-123-4567 무료수신거부 080-123-4567';

describe('checkAdvertising', () => {
  it('passes a compliant advertisement in the daytime', () => {
    assert.deepEqual(checkAdvertising(COMPLIANT, { now: NOON }), { isAdvertisement: true, detected: true, missing: [] });
  });

  it('detects the wrong marker variants and asks for exactly "(광고)"', () => {
    for (const marker of ['[광고]', '(광 고)', '<광고>', '【광고】', '（광고）', '( 광고 )', '광고)']) {
      const result = checkAdvertising(COMPLIANT.replace('(광고)', marker), { now: NOON });
      assert.deepEqual(result, { isAdvertisement: true, detected: true, missing: ['prefix'] }, marker);
    }
  });

  it('detects a marker that is not at the start', () => {
    assert.deepEqual(checkAdvertising(`안녕하세요 ${COMPLIANT}`, { now: NOON }).missing, ['prefix']);
  });

  it('allows whitespace before "(광고)"', () => {
    assert.deepEqual(checkAdvertising(`\n ${COMPLIANT}`, { now: NOON }).missing, []);
  });

  it('detects an opt-out with a promotion or an 080 number, even without a marker', () => {
    const noMarker = COMPLIANT.replace('(광고) ', '');
    assert.deepEqual(checkAdvertising(noMarker, { now: NOON }), { isAdvertisement: true, detected: true, missing: ['prefix'] });
    assert.equal(checkAdvertising('바른꽃집 신상품 안내 https://flower.kr 수신거부 080-123-4567', { now: NOON }).detected, true);
    assert.equal(checkAdvertising('주말 특가 쿠폰 드립니다. 수신거부는 앱 설정에서.', { now: NOON }).detected, true);
  });

  it('does not take ordinary notices for advertisements (conservative detection)', () => {
    for (const text of [
      '주문하신 상품이 발송되었습니다. 쿠폰이 발급되었습니다.',
      '이벤트 당첨을 축하드립니다. 경품은 다음 주에 발송됩니다.',
      '[바른꽃집] 인증번호는 123456 입니다.',
      '알림 수신거부는 앱 설정에서 할 수 있습니다.',
      '광고주님, 이번 달 정산서가 발행되었습니다.',
    ]) assert.deepEqual(checkAdvertising(text, { now: NOON }), { isAdvertisement: false, detected: false, missing: [] }, text);
  });

  it('runs no checks when the caller says it is not an advertisement', () => {
    assert.deepEqual(checkAdvertising('[광고] 세일', { isAdvertisement: false, now: kst(23) }), { isAdvertisement: false, detected: true, missing: [] });
  });

  it('checks every rule when the caller says it is an advertisement', () => {
    assert.deepEqual(checkAdvertising('봄맞이 안내입니다', { isAdvertisement: true, now: kst(22) }), {
      isAdvertisement: true, detected: false, missing: ['prefix', 'sender_contact', 'opt_out', 'night_time'],
    });
  });

  it('wants a contact other than the opt-out number', () => {
    const base = '(광고) 바른꽃집 5월 할인 무료수신거부 080-123-4567';
    assert.deepEqual(checkAdvertising(base, { now: NOON }).missing, ['sender_contact']);
    for (const contact of ['1588-1234', '010-9876-5432', '031)123-4567', 'https://flower.example/may', 'www.flower.co.kr', 'flower.kr', 'help@flower.kr', '080-999-8888']) {
      const text = base.replace('할인', `할인 ${contact}`);
      assert.deepEqual(checkAdvertising(text, { now: NOON }).missing, [], contact);
    }
  });

  it('wants a free 080 opt-out at the very end', () => {
    const body = '(광고) 바른꽃집 할인 02-123-4567';
    for (const optOut of ['무료수신거부 080-123-4567', '무료거부 0801234567', '무료수신거부: 080-1234-5678', '수신거부(무료) 080-123-4567', '무료 수신 거부 080 123 4567', '무료수신거부 080-123-4567.']) {
      assert.deepEqual(checkAdvertising(`${body} ${optOut}`, { now: NOON }).missing, [], optOut);
    }
    for (const optOut of ['수신거부 080-123-4567', '무료수신거부 02-123-4567', '무료수신거부 080-123-4567 감사합니다', '무료수신거부 080-123-45678', '']) {
      assert.deepEqual(checkAdvertising(`${body} ${optOut}`, { isAdvertisement: true, now: NOON }).missing, ['opt_out'], optOut);
    }
  });

  it('refuses 21:00–07:59 Korea time unless night-time consent is declared', () => {
    const at = (hour: number, minute: number, nightConsent?: boolean): string[] => checkAdvertising(COMPLIANT, { now: kst(hour, minute), nightConsent }).missing;
    assert.deepEqual(at(20, 59), []);
    assert.deepEqual(at(21, 0), ['night_time']);
    assert.deepEqual(at(23, 59), ['night_time']);
    assert.deepEqual(at(0, 0), ['night_time']);
    assert.deepEqual(at(7, 59), ['night_time']);
    assert.deepEqual(at(8, 0), []);
    assert.deepEqual(at(21, 0, true), []);
    assert.deepEqual(at(7, 59, true), []);
  });

  it('reads the Korean hour as the tz database does for Asia/Seoul', () => {
    const seoulHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', hourCycle: 'h23' });
    fc.assert(fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (now) => {
      const hour = Number(seoulHour.format(now));
      assert.equal(isKoreanNightTime(now), hour >= 21 || hour < 8);
    }), { numRuns: 500 });
  });
});

describe('describeMissingAdRules', () => {
  it('explains each missing rule in Korean and English', () => {
    const all = ['prefix', 'sender_contact', 'opt_out', 'night_time'] as const;
    const en = describeMissingAdRules(all, 'en');
    const ko = describeMissingAdRules(all, 'ko');
    for (const part of ['"(광고)"', 'contact', '080', '21:00']) assert.ok(en.includes(part), part);
    for (const part of ['"(광고)"', '연락처', '080', '야간']) assert.ok(ko.includes(part), part);
    assert.equal(en.split('; ').length, 4);
    assert.equal(describeMissingAdRules(['opt_out'], 'en'), 'it must end with a free opt-out such as "무료수신거부 080-123-4567"');
    assert.equal(describeMissingAdRules([], 'ko'), '');
  });
});
