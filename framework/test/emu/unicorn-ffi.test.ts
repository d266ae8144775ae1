import test from 'ava';
import {
  UC_ARM_REG,
  UC_CTL_IO,
  UC_CTL_TYPE,
  isUnicornAvailable,
  loadUnicornBinding,
  ucCtlWord,
  unicorn,
} from '../../src/emu/unicorn-ffi.ts';

test('a missing library is reported with the Debian package to install and where jitc looked', (t) => {
  const error = t.throws(() =>
    loadUnicornBinding([
      { source: 'env', path: '/nonexistent/libunicorn.so.2' },
      { source: 'system', path: 'libunicorn-that-does-not-exist.so.9' },
    ]),
  );
  t.regex(error.message, /install -y libunicorn2/);
  t.regex(error.message, /unicorn \(\/nonexistent\/libunicorn\.so\.2; from env\) not used: no such file/);
  t.regex(error.message, /JITC_LIBUNICORN/);
});

test('uc_ctl control words follow UC_CTL(type, nr, rw)', (t) => {
  // UC_CTL_WRITE(UC_CTL_TB_REMOVE_CACHE, 2) and UC_CTL_WRITE(UC_CTL_CPU_MODEL, 1) from unicorn.h
  t.is(ucCtlWord(UC_CTL_TYPE.TB_REMOVE_CACHE, 2, UC_CTL_IO.WRITE), 0x48000009);
  t.is(ucCtlWord(UC_CTL_TYPE.CPU_MODEL, 1, UC_CTL_IO.WRITE), 0x44000007);
  t.is(UC_ARM_REG.r(13), UC_ARM_REG.SP);
  t.is(UC_ARM_REG.d(15), 29);
});

(isUnicornAvailable() ? test : test.skip)('the library loads and names its errors', (t) => {
  t.regex(unicorn().lib.uc_strerror(6), /UC_ERR_READ_UNMAPPED/);
  t.is(typeof unicorn().emuStopFunction, 'bigint');
});
