import { describe, expect, it } from 'vitest';
import { buildEntry, emptyAnswers, nextStep, previousStep, questionNumber, steps, type TitleTexts } from './quickCapture';

const titles: TitleTexts = {
  call: { withWho: 'Gebeld door {who}', withoutWho: 'Ik ben gebeld' },
  letter: { withWho: 'Brief van {who}', withoutWho: 'Brief ontvangen' },
  meeting: { withWho: 'Gesprek met {who}', withoutWho: 'Gesprek' },
  email: { withWho: 'E-mail van {who}', withoutWho: 'E-mail ontvangen' },
};

describe('quick capture steps', () => {
  it('asks one question at a time and ends with a check', () => {
    expect(steps('call')).toEqual(['who', 'what', 'agreed', 'threat', 'actBy', 'check']);
    expect(nextStep('call', 'who')).toBe('what');
    expect(nextStep('call', 'check')).toBeNull();
    expect(previousStep('call', 'who')).toBeNull();
    expect(previousStep('call', 'what')).toBe('who');
  });
  it('does not ask what was agreed about a letter', () => {
    expect(steps('letter')).not.toContain('agreed');
    expect(nextStep('letter', 'what')).toBe('threat');
  });
  it('numbers the questions without the check', () => {
    expect(questionNumber('call', 'who')).toEqual({ n: 1, of: 5 });
    expect(questionNumber('letter', 'actBy')).toEqual({ n: 4, of: 4 });
  });
});

describe('buildEntry', () => {
  it('makes a phone call entry from the answers', () => {
    const a = { ...emptyAnswers('2026-03-03', '10:15'), who: ' Anja ', what: 'Een cv', agreed: 'Alleen e-mail', threat: 'yes' as const, threatText: 'korting', actBy: '2026-03-10' };
    const { fields, who } = buildEntry('call', a, titles);
    expect(who).toBe('Anja');
    expect(fields.kind).toBe('call-in');
    expect(fields.title).toBe('Gebeld door Anja');
    expect(fields.occurredTime).toBe('10:15');
    expect(fields.asked).toBe('Een cv');
    expect(fields.agreed).toBe('Alleen e-mail');
    expect(fields.threat).toBe(true);
    expect(fields.threatText).toBe('korting');
    expect(fields.followUpOn).toBe('2026-03-10');
  });
  it('drops the threat text when no threat was made, and files a letter by its received date', () => {
    const a = { ...emptyAnswers('2026-03-05', '09:00'), what: 'Opschorting', threat: 'no' as const, threatText: 'x' };
    const { fields } = buildEntry('letter', a, titles);
    expect(fields.title).toBe('Brief ontvangen');
    expect(fields.kind).toBe('letter-in');
    expect(fields.notes).toBe('Opschorting');
    expect(fields.receivedOn).toBe('2026-03-05');
    expect(fields.occurredTime).toBeNull();
    expect(fields.threat).toBe(false);
    expect(fields.threatText).toBe('');
    expect(fields.followUpOn).toBeNull();
  });
});
