import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('recording', () => {
  it('flags a recording with people in it (recording.people_on_premises)', () => {
    expect(rulesOf('filmed the receptionists arguing 📹')).toContain('recording.people_on_premises');
    expect(has('pic of the queue of patients outside this morning', 'recording')).toBe(true);
    expect(has('secretly recorded Dr Marsh in my consultation', 'recording')).toBe(true);
  });

  it('does not flag a photo of things, a screenshot, or a video consultation', () => {
    expect(has('took a photo of the broken door at the surgery', 'recording')).toBe(false);
    expect(has('screenshot of my place in the phone queue', 'recording')).toBe(false);
    expect(has('had a video consultation with the doctor', 'recording')).toBe(false);
    expect(has('they want me to send a photo of my rash', 'recording')).toBe(false);
  });
});

describe('recording needs people or premises in it', () => {
  it('flags a photo or selfie with staff or patients in it', () => {
    expect(has('took a selfie with the nurses at the surgery', 'recording')).toBe(true);
    expect(
      has('Photo of the notice board. Right next to it, the receptionists laughing at us', 'recording'),
    ).toBe(true);
  });

  it('does not flag a selfie of the author, or a photo of a thing with the people far away in the post', () => {
    expect(has('first selfie since the op! Thanks to Dr Marsh for everything', 'recording')).toBe(false);
    expect(has('Snapped the soap dispenser in the loos, empty again', 'recording')).toBe(false);
    expect(
      has(
        'Got a photo of the broken door. Fine. Whatever. The receptionists said they had reported it',
        'recording',
      ),
    ).toBe(false);
  });
});

describe('recording: things in shot, people doing something, and no recording at all', () => {
  it('does not flag a photo or video of a thing, even with people elsewhere in the sentence', () => {
    for (const text of [
      'Took a photo of the broken chairs in the waiting room, nobody has fixed them',
      'Snapped a pic of the notice on the door, closed Friday afternoon for training',
      'Here is a picture of the flowers the patients group planted, lovely',
      'Pic of the new bench outside, the kids love it',
      'We were sat in the car for ages, no photos allowed I suppose',
    ]) {
      expect(has(text, 'recording'), text).toBe(false);
    }
  });

  it('flags a recording with people in it: more words for people, people doing something, "two of them"', () => {
    for (const text of [
      'videoed the youngsters queueing at the flu clinic',
      'got a pic through the glass, three of them in the back room with their feet up',
      'recorded the receptionists gossiping about a patient',
      'photo of the waiting room, folk sitting on the floor',
    ]) {
      expect(has(text, 'recording'), text).toBe(true);
    }
  });
});

describe('recording: social video of people on the premises', () => {
  it('flags a snapchat or live stream with people in it', () => {
    for (const text of [
      'snapchat of the receptionists on their phones',
      'going live on facebook from the waiting room, look at everyone still waiting',
    ]) {
      expect(has(text, 'recording'), text).toBe(true);
    }
  });

  it('does not flag "watch this space" or a photo on the website', () => {
    for (const text of [
      'Watch this space for flu clinic dates',
      'look at the photo on the website for opening times',
    ]) {
      expect(has(text, 'recording'), text).toBe(false);
    }
  });
});

describe('recording: readings kept for the GP are not recordings of people', () => {
  it('does not flag recording blood pressure, sugars or symptoms', () => {
    for (const text of [
      'Recording my blood pressure every morning like the GP asked',
      'the nurse told me to keep recording my sugars for the review',
    ]) {
      expect(has(text, 'recording'), text).toBe(false);
    }
    expect(has('recording the nurse on my phone while she takes my blood pressure', 'recording')).toBe(true);
  });
});

describe('recording: an appointment recorded', () => {
  it('flags recording an appointment, not keeping appointment times', () => {
    expect(has('I secretly recorded my whole appt', 'recording')).toBe(true);
    expect(has('voice recorded my appointment so I would not forget what he said', 'recording')).toBe(true);
    expect(has('Snapped a pic of my appointment letter so I have the date', 'recording')).toBe(false);
  });
});

describe('recording: people asked to stop sharing are not in the shot', () => {
  it('does not flag a plea to stop sharing a photo of a thing', () => {
    expect(has('can people stop sharing that photo of the flooded car park', 'recording')).toBe(false);
    expect(has('people keep sharing the video of the receptionist crying, please stop', 'recording')).toBe(
      true,
    );
  });
});

describe('recording: action cameras', () => {
  it('flags staff caught on a GoPro, not a GoPro for sale', () => {
    expect(has('caught the nurse on my GoPro', 'recording')).toBe(true);
    expect(has('selling my old GoPro if anyone wants it', 'recording')).toBe(false);
  });
});
