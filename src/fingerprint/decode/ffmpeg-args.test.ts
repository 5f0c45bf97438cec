import { describe, expect, it } from 'vitest';
import { COMPAT_RESAMPLER, ffmpegArgs, ffmpegReason, parseLoggedDuration } from './ffmpeg-args.js';
import { durationMsFromProbe } from './probe.js';

describe('ffmpeg arguments', () => {
  it("decode the first audio stream to 11025 Hz mono s16 with fpcalc's resampler settings", () => {
    const a = ffmpegArgs('in.mp3', 0);
    expect(a).toEqual(
      expect.arrayContaining(['-map', '0:a:0', '-ac', '1', '-ar', '11025', '-f', 's16le', 'pipe:1']),
    );
    expect(a[a.indexOf('-af') + 1]).toBe(COMPAT_RESAMPLER);
    expect(COMPAT_RESAMPLER).toBe(
      'aresample=resampler=swr:filter_size=16:phase_shift=8:linear_interp=1:cutoff=0.8',
    );
    expect(a).not.toContain('-t');
    expect(a).toContain('-nostdin');
    expect(a[a.indexOf('-flush_packets') + 1]).toBe('0');
  });

  it('stop a second after a length limit (the reader cuts exactly)', () => {
    const a = ffmpegArgs('in.mp3', 120);
    expect(a[a.indexOf('-t') + 1]).toBe('121');
  });
});

describe("ffmpeg's log", () => {
  it('gives the container duration', () => {
    expect(parseLoggedDuration('  Duration: 00:03:00.04, start: 0.025057, bitrate: 128 kb/s')).toBeCloseTo(
      180.04,
      9,
    );
    expect(parseLoggedDuration('  Duration: 01:00:01.50, start')).toBeCloseTo(3601.5, 9);
    expect(parseLoggedDuration('  Duration: N/A, bitrate: N/A')).toBeNull();
  });

  it('gives a reason for a failure', () => {
    expect(ffmpegReason('x.mp3: No such file or directory\n')).toBe('No such file or directory');
    expect(
      ffmpegReason(
        '[mp3 @ 0x1] Format mp3 detected only with low score\nj.mp3: Invalid data found when processing input\n',
      ),
    ).toBe('Invalid data found when processing input');
    expect(ffmpegReason("Stream map '0:a:0' matches no streams.\nTo ignore this, add a trailing ?\n")).toBe(
      'no audio stream',
    );
    expect(ffmpegReason('')).toBe('ffmpeg failed');
  });
});

describe("ffprobe's duration, as fpcalc computes it", () => {
  it('is the stream duration in its time base, in whole milliseconds rounded down', () => {
    expect(
      durationMsFromProbe(
        '{"streams":[{"time_base":"1/14112000","duration_ts":2540666880}],"format":{"duration":"180.035918"}}',
      ),
    ).toBe(180035);
    expect(durationMsFromProbe('{"streams":[{"time_base":"1/44100","duration_ts":44099}]}')).toBe(999);
  });

  it("falls back to the container's, then to null", () => {
    expect(durationMsFromProbe('{"streams":[{"time_base":"1/1000"}],"format":{"duration":"12.3456"}}')).toBe(
      12345,
    );
    expect(durationMsFromProbe('{"streams":[],"format":{}}')).toBeNull();
    expect(durationMsFromProbe('not json')).toBeNull();
  });
});
