import { cities, districts, findPlacesInText, getCity, getMetro, metros } from '../../shared/matching/gazetteer';

/** The cities a text places a site in, strong names first, as the site matcher reads them. */
function citiesIn(text: string, country?: string): string[] {
  const places = findPlacesInText(text, country).filter((p) => p.kind !== 'metro');
  const strong = places.filter((p) => !p.weak);
  return [...new Set((strong.length ? strong : places).map((p) => p.cityId))].filter((x): x is string => !!x);
}

describe('gazetteer', () => {
  test.each([
    ['Cebu IT Park, Lahug, Cebu City', 'ph-cebu-city'],
    ['Asiatown I.T. Park', 'ph-cebu-city'],
    ['Cebu Business Park', 'ph-cebu-city'],
    ['Bonifacio Global City', 'ph-taguig'],
    ['BGC', 'ph-taguig'],
    ['Fort Bonifacio', 'ph-taguig'],
    ['Ortigas Center', 'ph-pasig'],
    ['Eastwood City Cyberpark, Libis', 'ph-quezon-city'],
    ['UP-Ayala TechnoHub, Commonwealth Ave', 'ph-quezon-city'],
    ['Alabang', 'ph-muntinlupa'],
    ['Mactan Newtown, Lapu-Lapu City, Cebu', 'ph-lapu-lapu'],
    ['Mandaue City, Cebu', 'ph-mandaue'],
    ['Clark Freeport Zone, Pampanga', 'ph-angeles'],
    ['Iloilo Business Park', 'ph-iloilo'],
    ['Whitefield, Bangalore', 'in-bengaluru'],
    ['Electronic City Phase 1', 'in-bengaluru'],
    ['Manyata Tech Park', 'in-bengaluru'],
    ['HITEC City, Madhapur', 'in-hyderabad'],
    ['Hi-Tech City', 'in-hyderabad'],
    ['Gachibowli', 'in-hyderabad'],
    ['Hinjawadi Phase 2', 'in-pune'],
    ['EON IT Park, Kharadi', 'in-pune'],
    ['Old Mahabalipuram Road', 'in-chennai'],
    ['DLF Cyber City, Phase 2', 'in-gurugram'],
    ['Gurgaon', 'in-gurugram'],
    ['Powai', 'in-mumbai'],
    ['Airoli', 'in-navi-mumbai'],
    ['Smart Village', 'eg-cairo'],
    ['Umhlanga Ridge', 'za-durban'],
    ['Sandton', 'za-johannesburg'],
    ['Krakow', 'pl-krakow'],
    ['Warszawa', 'pl-warsaw'],
    ['Wroclaw', 'pl-wroclaw'],
    ['Cluj', 'ro-cluj-napoca'],
    ['Bogota', 'co-bogota'],
    ['Medellin', 'co-medellin'],
    ['CDMX', 'mx-mexico-city'],
    ['Heredia', 'cr-heredia'],
    ['Cyberjaya', 'my-cyberjaya'],
    ['Saigon', 'vn-ho-chi-minh-city'],
    ['Ha Noi', 'vn-hanoi'],
  ])('when the address reads %j, then the site is in %s', (text, city) => {
    expect(citiesIn(text)).toEqual([city]);
  });

  test.each([
    ['Bengaluru', 'Bangalore'],
    ['Gurugram', 'Gurgaon'],
    ['Kraków', 'Krakow'],
    ['Bogotá', 'Bogota'],
    ['Mumbai', 'Bombay'],
    ['Chennai', 'Madras'],
    ['Ho Chi Minh City', 'HCMC'],
    ['Lapu-Lapu City', 'Lapulapu'],
  ])('when a city is written %j or %j, then both name the same city', (a, b) => {
    expect(citiesIn(a)).toEqual(citiesIn(b));
    expect(citiesIn(a)).toHaveLength(1);
  });

  test.each([
    ['ph-makati', 'ph-metro-manila'],
    ['ph-taguig', 'ph-metro-manila'],
    ['ph-pasig', 'ph-metro-manila'],
    ['ph-quezon-city', 'ph-metro-manila'],
    ['ph-manila', 'ph-metro-manila'],
    ['ph-cebu-city', 'ph-metro-cebu'],
    ['ph-mandaue', 'ph-metro-cebu'],
    ['in-gurugram', 'in-delhi-ncr'],
    ['in-noida', 'in-delhi-ncr'],
    ['in-navi-mumbai', 'in-mmr'],
  ])('when the city is %s, then its metro area is %s', (city, metro) => {
    expect(getCity(city)?.metro).toBe(metro);
  });

  test('when the city is Cebu City, then it is not in Metro Manila', () => {
    expect(getCity('ph-cebu-city')?.metro).not.toBe('ph-metro-manila');
  });

  test('when a longer name contains a shorter one, then the longer name wins', () => {
    expect(citiesIn('Navi Mumbai')).toEqual(['in-navi-mumbai']);
    expect(citiesIn('New Cairo')).toEqual(['eg-new-cairo']);
    expect(findPlacesInText('Makati City, Metro Manila').map((p) => p.id)).toEqual(['ph-makati', 'ph-metro-manila']);
  });

  test('when a weak name sits next to a city, then the city places the site', () => {
    expect(citiesIn('Mandaue City, Cebu')).toEqual(['ph-mandaue']);
    expect(citiesIn('Makati, Manila')).toEqual(['ph-makati']);
    expect(citiesIn('Manila')).toEqual(['ph-manila']);
  });

  test('when the country is known, then places of other countries are ignored', () => {
    expect(findPlacesInText('NCR', 'IN').map((p) => p.id)).toEqual(['in-delhi-ncr']);
    expect(findPlacesInText('NCR', 'PH').map((p) => p.id)).toEqual(['ph-metro-manila']);
    expect(findPlacesInText('NCR').map((p) => p.id).sort()).toEqual(['in-delhi-ncr', 'ph-metro-manila']);
    expect(findPlacesInText('San Jose, California', 'US')).toEqual([]);
  });

  test('when the data is loaded, then every district and city points at a known city and metro', () => {
    for (const d of districts) expect(getCity(d.city)).toBeDefined();
    for (const c of cities) if (c.metro) expect(getMetro(c.metro)?.country).toBe(c.country);
    expect(new Set([...cities, ...metros, ...districts].map((x) => x.id)).size).toBe(cities.length + metros.length + districts.length);
  });
});
