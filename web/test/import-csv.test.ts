import { describe, expect, it } from 'vitest';
import { readImportCsv, templateCsv } from '../app/lib/import';

describe('reading member import files', () => {
  it('reads the template back into API rows by its Chinese headers', () => {
    const r = readImportCsv(templateCsv());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual([
      { name: '张伟', gender: '男', birthDate: '1990-05-17', ethnicity: '汉族', education: '大学本科', stage: '正式党员', appliedOn: '2012-03-01', fullMemberSince: '2014-07-01', phone: '13800000000', occupation: '教师', nativePlace: '北京' },
    ]);
  });

  it('accepts the API field names as headers too, in any order', () => {
    const r = readImportCsv('gender,name,birthDate,ethnicity,education\n女,李娜,1991-01-02,汉族,研究生\n');
    expect(r).toEqual({ ok: true, columns: ['gender', 'name', 'birthDate', 'ethnicity', 'education'], rows: [{ gender: '女', name: '李娜', birthDate: '1991-01-02', ethnicity: '汉族', education: '研究生' }] });
  });

  it('names what is wrong with a file as a whole', () => {
    expect(readImportCsv('姓名,性别\n')).toMatchObject({ ok: false, problem: 'empty' });
    expect(readImportCsv('姓名,性别,生日\nx,男,1990-01-01')).toMatchObject({ ok: false, problem: 'unknown-columns', detail: '生日' });
    expect(readImportCsv('姓名,性别\nx,男')).toMatchObject({ ok: false, problem: 'missing-columns', detail: '出生日期、民族、学历' });
    expect(readImportCsv('姓名,"性别\nx')).toMatchObject({ ok: false, problem: 'unterminated-quote' });
    const big = `姓名,性别,出生日期,民族,学历\n${'x,男,1990-01-01,汉族,本科\n'.repeat(1001)}`;
    expect(readImportCsv(big)).toMatchObject({ ok: false, problem: 'too-many-rows', detail: '1001' });
  });
});
