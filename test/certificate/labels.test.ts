import { defaultStops, findLabelled, labelRegex, nextStop, stopSet } from '../../shared/certificate/labels';

describe('labelRegex', () => {
  test.each([
    ['Certificate No.: 1', 'Certificate No.'],
    ['Certificate No 1', 'Certificate No'],
    ['CERTIFICATE\nNO. 1', 'CERTIFICATE\nNO.'],
    ['Cert no: 1', 'Cert no'],
  ])('when the text is %p, then the label "certificate no." / "cert. no." matches %p', (text, label) => {
    expect(text.match(labelRegex(['certificate no.', 'cert. no.']))?.[0]).toBe(label);
  });

  test('when a label is part of a longer word, then it does not match', () => {
    expect('Certificate Number: 1'.match(labelRegex(['certificate no.']))).toBeNull();
    expect('Reissue date: 1'.match(labelRegex(['issue date']))).toBeNull();
  });
});

describe('findLabelled', () => {
  const value = (text: string, labels: string[], options = {}) => findLabelled(text, labels, options).map((l) => l.value);

  test.each([
    ['same line after a colon', 'Certificate No.: IS 765432\nNext', ['IS 765432']],
    ['same line after a dash', 'Certificate No. – IS 765432', ['IS 765432']],
    ['the next line when the label ends its line', 'Certificate No.\nIS 765432\nIssue date: 1 May 2024', ['IS 765432']],
    ['up to the next label on the same line', 'Certificate No.: IS 765432    Issue date: 13 May 2024', ['IS 765432']],
    ['an empty value when another label follows at once', 'Certificate No.:\nIssue date: 13 May 2024', ['']],
    ['every occurrence', 'Certificate No. A1\nand again Certificate No. B2', ['A1', 'B2']],
  ])('when the value is on %s, then it is read', (_case, text, expected) => {
    expect(value(text, ['certificate no.'])).toEqual(expected);
  });

  test('when the form was drawn as a column of labels and then a column of values, then each label gets its own value', () => {
    const text = 'Certificate of Registration\nIssue date:\nExpiry date:\nCertificate No.:\n13 May 2024\n12 May 2027\nIS 765432\nFooter';
    expect(value(text, ['issue date'])).toEqual(['13 May 2024']);
    expect(value(text, ['expiry date'])).toEqual(['12 May 2027']);
    expect(value(text, ['certificate no.'])).toEqual(['IS 765432']);
  });

  test('when a label column has no value column below it, then the label just takes the next line', () => {
    expect(value('Expiry date:\n12 May 2027', ['expiry date'])).toEqual(['12 May 2027']);
  });

  test('when multiline, then the value runs over wrapped lines up to the next label', () => {
    const text = 'Scope: The provision of contact centre\nservices and back-office processing.\nIssue date: 13 May 2024';
    expect(value(text, ['scope'], { multiline: true })).toEqual(['The provision of contact centre services and back-office processing.']);
  });

  test('when multiline, then a sentence that starts a new part of the certificate ends the value', () => {
    const text = 'Scope: IT operations and hosting. This certificate remains the property of the issuer.';
    expect(value(text, ['scope'], { multiline: true })).toEqual(['IT operations and hosting.']);
  });

  test('when a value is found, then its offsets point at it in the text', () => {
    const text = 'Header\nExpiry Date:   12 May 2027  \nFooter';
    const [found] = findLabelled(text, ['expiry date']);
    expect(found).toBeDefined();
    expect(text.slice(found!.labelStart, found!.labelEnd)).toBe('Expiry Date');
    expect(text.slice(found!.valueStart, found!.valueEnd)).toBe('12 May 2027');
  });
});

describe('nextStop', () => {
  test.each([
    ['a label followed by a colon', 'IS 765432 Effective Date: 1 May 2024', 10],
    ['a label at the start of a line', 'services.\nOriginal Registration Date 2021', 10],
    ['a heading alone on its line', 'services.\nLocations\nSite 1', 10],
    ['a sentence that opens a new part', 'services. This certificate is valid', 10],
  ])('when the text has %s, then it stops there', (_case, text, at) => {
    expect(nextStop(text, 0, text.length)).toBe(at);
  });

  test('when a heading word is inside a sentence, then it does not stop', () => {
    const text = 'from the sites\nlocations of the company and its address in Manila';
    expect(nextStop(text, 0, text.length)).toBeUndefined();
  });

  test('when a stop set is built from phrases, then only those phrases stop', () => {
    const stops = stopSet([{ phrase: 'end here', kind: 'colon' }]);
    expect(nextStop('Issue date: x end here: y', 0, 25, stops)).toBe(14);
    expect(nextStop('Issue date: x', 0, 13, stops)).toBeUndefined();
    expect(nextStop('Issue date: x', 0, 13, defaultStops)).toBe(0);
  });
});
