/*
 * A small gazetteer of outsourcing delivery hubs: business districts, IT
 * parks and economic zones → city → metro area → country.
 *
 * Rules (user documentation):
 * - A district, park or zone named in an address places the site in its
 *   city: "Cebu IT Park" and "Lahug" are in Cebu City, "BGC" / "Bonifacio
 *   Global City" in Taguig, "Ortigas Center" in Pasig, "Eastwood" and
 *   "UP-Ayala TechnoHub" in Quezon City, "Whitefield" and "Electronic City"
 *   in Bengaluru, "HITEC City" and "Gachibowli" in Hyderabad, "Hinjewadi" in
 *   Pune, "OMR" in Chennai, "DLF Cyber City" in Gurugram, "Powai" in Mumbai,
 *   "Smart Village" in Cairo, and so on.
 * - City names are recognised in their common spellings: Bengaluru =
 *   Bangalore, Gurugram = Gurgaon, Mumbai = Bombay, Chennai = Madras,
 *   Kraków = Krakow, Warsaw = Warszawa, Bogotá = Bogota, Ho Chi Minh City =
 *   Saigon = HCMC.
 * - Cities belong to a metro area: Makati, Taguig, Pasig, Mandaluyong,
 *   Quezon City, Manila, Pasay, Parañaque and Muntinlupa are in Metro Manila;
 *   Cebu City, Mandaue and Lapu-Lapu are in Metro Cebu (not Metro Manila);
 *   Gurugram, Noida and New Delhi are in Delhi NCR; Mumbai, Navi Mumbai and
 *   Thane in the Mumbai Metropolitan Region.
 * - Some names are "weak": a bare "Cebu", "Manila", "Davao", "Iloilo",
 *   "Delhi" or "Angeles" can mean a province, a region or a city. A weak name
 *   places a site only when no other city is named ("Mandaue City, Cebu" is
 *   in Mandaue).
 * - Clark Freeport Zone is counted in Angeles City and Pipera in Bucharest;
 *   both straddle a city boundary, the approximation errs on the side of a
 *   person confirming.
 * - The longest name wins: "Navi Mumbai" is not Mumbai, "New Cairo" is not
 *   Cairo, "Metro Manila" is the metro area, not the City of Manila.
 * - Provinces and states (Pampanga, Karnataka, Haryana, Selangor …) are
 *   recognised so that they are not mistaken for a street or building name;
 *   they do not place a site in a city.
 * - When the site's country is known, only places of that country are
 *   considered ("San Jose" in a US address is not San José, Costa Rica).
 */
import { normalizeText } from './normalize';

/** A metropolitan area made of several cities. */
export interface GazetteerMetro {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  aliases: string[];
}

/** A city (or municipality) where delivery centres sit. */
export interface GazetteerCity {
  id: string;
  name: string;
  country: string;
  metro?: string;
  aliases: string[];
  /** Names that also designate a province or region; see the rules above. */
  weakAliases?: string[];
}

/** A province or state: recognised so that it is not read as a street or building name. */
export interface GazetteerProvince {
  id: string;
  name: string;
  country: string;
  aliases: string[];
}

/** A business district, IT park or economic zone inside one city. */
export interface GazetteerDistrict {
  id: string;
  name: string;
  city: string;
  aliases: string[];
}

/** Metro areas, each made of several gazetteer cities. */
export const metros: readonly GazetteerMetro[] = [
  { id: 'ph-metro-manila', name: 'Metro Manila', country: 'PH', aliases: ['Metro Manila', 'NCR', 'National Capital Region', 'Greater Manila'] },
  { id: 'ph-metro-cebu', name: 'Metro Cebu', country: 'PH', aliases: ['Metro Cebu'] },
  { id: 'in-delhi-ncr', name: 'Delhi NCR', country: 'IN', aliases: ['Delhi NCR', 'NCR', 'National Capital Region', 'NCR Delhi'] },
  { id: 'in-mmr', name: 'Mumbai Metropolitan Region', country: 'IN', aliases: ['Mumbai Metropolitan Region', 'MMR'] },
  { id: 'eg-greater-cairo', name: 'Greater Cairo', country: 'EG', aliases: ['Greater Cairo'] },
  { id: 'mx-valle-de-mexico', name: 'Greater Mexico City', country: 'MX', aliases: ['Greater Mexico City', 'Valle de Mexico', 'Zona Metropolitana del Valle de Mexico'] },
  { id: 'my-klang-valley', name: 'Klang Valley', country: 'MY', aliases: ['Klang Valley', 'Greater Kuala Lumpur'] },
  { id: 'za-gauteng', name: 'Gauteng', country: 'ZA', aliases: ['Gauteng'] },
];

/** Provinces and states, recognised only so they are not read as building names. */
export const provinces: readonly GazetteerProvince[] = [
  { id: 'ph-pampanga', name: 'Pampanga', country: 'PH', aliases: ['Pampanga'] },
  { id: 'ph-laguna', name: 'Laguna', country: 'PH', aliases: ['Laguna'] },
  { id: 'ph-cavite', name: 'Cavite', country: 'PH', aliases: ['Cavite'] },
  { id: 'ph-bulacan', name: 'Bulacan', country: 'PH', aliases: ['Bulacan'] },
  { id: 'ph-negros-occidental', name: 'Negros Occidental', country: 'PH', aliases: ['Negros Occidental'] },
  { id: 'ph-davao-del-sur', name: 'Davao del Sur', country: 'PH', aliases: ['Davao del Sur'] },
  { id: 'in-karnataka', name: 'Karnataka', country: 'IN', aliases: ['Karnataka'] },
  { id: 'in-maharashtra', name: 'Maharashtra', country: 'IN', aliases: ['Maharashtra'] },
  { id: 'in-telangana', name: 'Telangana', country: 'IN', aliases: ['Telangana'] },
  { id: 'in-tamil-nadu', name: 'Tamil Nadu', country: 'IN', aliases: ['Tamil Nadu'] },
  { id: 'in-haryana', name: 'Haryana', country: 'IN', aliases: ['Haryana'] },
  { id: 'in-uttar-pradesh', name: 'Uttar Pradesh', country: 'IN', aliases: ['Uttar Pradesh', 'UP India'] },
  { id: 'in-west-bengal', name: 'West Bengal', country: 'IN', aliases: ['West Bengal'] },
  { id: 'in-andhra-pradesh', name: 'Andhra Pradesh', country: 'IN', aliases: ['Andhra Pradesh'] },
  { id: 'in-gujarat', name: 'Gujarat', country: 'IN', aliases: ['Gujarat'] },
  { id: 'za-western-cape', name: 'Western Cape', country: 'ZA', aliases: ['Western Cape'] },
  { id: 'za-kwazulu-natal', name: 'KwaZulu-Natal', country: 'ZA', aliases: ['KwaZulu-Natal', 'KZN'] },
  { id: 'pl-malopolskie', name: 'Małopolskie', country: 'PL', aliases: ['Małopolskie', 'Lesser Poland'] },
  { id: 'pl-mazowieckie', name: 'Mazowieckie', country: 'PL', aliases: ['Mazowieckie', 'Masovian', 'Masovia'] },
  { id: 'pl-dolnoslaskie', name: 'Dolnośląskie', country: 'PL', aliases: ['Dolnośląskie', 'Lower Silesia', 'Lower Silesian'] },
  { id: 'ro-ilfov', name: 'Ilfov', country: 'RO', aliases: ['Ilfov'] },
  { id: 'co-antioquia', name: 'Antioquia', country: 'CO', aliases: ['Antioquia'] },
  { id: 'co-cundinamarca', name: 'Cundinamarca', country: 'CO', aliases: ['Cundinamarca'] },
  { id: 'mx-jalisco', name: 'Jalisco', country: 'MX', aliases: ['Jalisco'] },
  { id: 'mx-nuevo-leon', name: 'Nuevo León', country: 'MX', aliases: ['Nuevo León'] },
  { id: 'my-selangor', name: 'Selangor', country: 'MY', aliases: ['Selangor'] },
  { id: 'my-wilayah-persekutuan', name: 'Federal Territory of Kuala Lumpur', country: 'MY', aliases: ['Wilayah Persekutuan', 'WP Kuala Lumpur', 'Federal Territory'] },
];

/** Cities of the delivery hubs, with their spellings. */
export const cities: readonly GazetteerCity[] = [
  // Philippines
  { id: 'ph-makati', name: 'Makati', country: 'PH', metro: 'ph-metro-manila', aliases: ['Makati', 'Makati City', 'City of Makati'] },
  { id: 'ph-taguig', name: 'Taguig', country: 'PH', metro: 'ph-metro-manila', aliases: ['Taguig', 'Taguig City', 'City of Taguig'] },
  { id: 'ph-pasig', name: 'Pasig', country: 'PH', metro: 'ph-metro-manila', aliases: ['Pasig', 'Pasig City', 'City of Pasig'] },
  { id: 'ph-mandaluyong', name: 'Mandaluyong', country: 'PH', metro: 'ph-metro-manila', aliases: ['Mandaluyong', 'Mandaluyong City'] },
  { id: 'ph-quezon-city', name: 'Quezon City', country: 'PH', metro: 'ph-metro-manila', aliases: ['Quezon City'] },
  { id: 'ph-manila', name: 'Manila', country: 'PH', metro: 'ph-metro-manila', aliases: ['City of Manila', 'Manila City'], weakAliases: ['Manila'] },
  { id: 'ph-pasay', name: 'Pasay', country: 'PH', metro: 'ph-metro-manila', aliases: ['Pasay', 'Pasay City'] },
  { id: 'ph-paranaque', name: 'Parañaque', country: 'PH', metro: 'ph-metro-manila', aliases: ['Parañaque', 'Parañaque City'] },
  { id: 'ph-muntinlupa', name: 'Muntinlupa', country: 'PH', metro: 'ph-metro-manila', aliases: ['Muntinlupa', 'Muntinlupa City'] },
  { id: 'ph-cebu-city', name: 'Cebu City', country: 'PH', metro: 'ph-metro-cebu', aliases: ['Cebu City', 'City of Cebu'], weakAliases: ['Cebu'] },
  { id: 'ph-mandaue', name: 'Mandaue', country: 'PH', metro: 'ph-metro-cebu', aliases: ['Mandaue', 'Mandaue City'] },
  { id: 'ph-lapu-lapu', name: 'Lapu-Lapu', country: 'PH', metro: 'ph-metro-cebu', aliases: ['Lapu-Lapu', 'Lapu-Lapu City', 'Lapulapu', 'Lapulapu City'] },
  { id: 'ph-davao', name: 'Davao City', country: 'PH', aliases: ['Davao City'], weakAliases: ['Davao'] },
  { id: 'ph-iloilo', name: 'Iloilo City', country: 'PH', aliases: ['Iloilo City'], weakAliases: ['Iloilo'] },
  { id: 'ph-angeles', name: 'Angeles City', country: 'PH', aliases: ['Angeles City'], weakAliases: ['Angeles'] },
  { id: 'ph-bacolod', name: 'Bacolod', country: 'PH', aliases: ['Bacolod', 'Bacolod City'] },
  // India
  { id: 'in-bengaluru', name: 'Bengaluru', country: 'IN', aliases: ['Bengaluru', 'Bangalore', 'Bengaluru Urban', 'Bangalore Urban'] },
  { id: 'in-hyderabad', name: 'Hyderabad', country: 'IN', aliases: ['Hyderabad', 'Secunderabad'] },
  { id: 'in-pune', name: 'Pune', country: 'IN', aliases: ['Pune', 'Poona'] },
  { id: 'in-chennai', name: 'Chennai', country: 'IN', aliases: ['Chennai', 'Madras'] },
  { id: 'in-gurugram', name: 'Gurugram', country: 'IN', metro: 'in-delhi-ncr', aliases: ['Gurugram', 'Gurgaon'] },
  { id: 'in-noida', name: 'Noida', country: 'IN', metro: 'in-delhi-ncr', aliases: ['Noida'] },
  { id: 'in-greater-noida', name: 'Greater Noida', country: 'IN', metro: 'in-delhi-ncr', aliases: ['Greater Noida'] },
  { id: 'in-new-delhi', name: 'New Delhi', country: 'IN', metro: 'in-delhi-ncr', aliases: ['New Delhi'], weakAliases: ['Delhi'] },
  { id: 'in-mumbai', name: 'Mumbai', country: 'IN', metro: 'in-mmr', aliases: ['Mumbai', 'Bombay'] },
  { id: 'in-navi-mumbai', name: 'Navi Mumbai', country: 'IN', metro: 'in-mmr', aliases: ['Navi Mumbai', 'New Bombay'] },
  { id: 'in-thane', name: 'Thane', country: 'IN', metro: 'in-mmr', aliases: ['Thane'] },
  { id: 'in-kolkata', name: 'Kolkata', country: 'IN', aliases: ['Kolkata', 'Calcutta'] },
  // South Africa
  { id: 'za-cape-town', name: 'Cape Town', country: 'ZA', aliases: ['Cape Town', 'Kaapstad'] },
  { id: 'za-durban', name: 'Durban', country: 'ZA', aliases: ['Durban', 'eThekwini'] },
  { id: 'za-johannesburg', name: 'Johannesburg', country: 'ZA', metro: 'za-gauteng', aliases: ['Johannesburg', 'Joburg', 'Jozi'] },
  // Poland
  { id: 'pl-krakow', name: 'Kraków', country: 'PL', aliases: ['Kraków', 'Cracow', 'Krakau'] },
  { id: 'pl-warsaw', name: 'Warsaw', country: 'PL', aliases: ['Warsaw', 'Warszawa'] },
  { id: 'pl-wroclaw', name: 'Wrocław', country: 'PL', aliases: ['Wrocław', 'Breslau'] },
  // Romania
  { id: 'ro-bucharest', name: 'Bucharest', country: 'RO', aliases: ['Bucharest', 'București'] },
  { id: 'ro-cluj-napoca', name: 'Cluj-Napoca', country: 'RO', aliases: ['Cluj-Napoca', 'Cluj'] },
  // Egypt
  { id: 'eg-cairo', name: 'Cairo', country: 'EG', metro: 'eg-greater-cairo', aliases: ['Cairo', 'Al Qahirah'] },
  { id: 'eg-new-cairo', name: 'New Cairo', country: 'EG', metro: 'eg-greater-cairo', aliases: ['New Cairo'] },
  { id: 'eg-giza', name: 'Giza', country: 'EG', metro: 'eg-greater-cairo', aliases: ['Giza'] },
  { id: 'eg-6-october', name: '6th of October City', country: 'EG', metro: 'eg-greater-cairo', aliases: ['6th of October City', '6th of October', 'Sixth of October'] },
  // Colombia
  { id: 'co-bogota', name: 'Bogotá', country: 'CO', aliases: ['Bogotá', 'Bogotá D.C.', 'Santa Fe de Bogotá'] },
  { id: 'co-medellin', name: 'Medellín', country: 'CO', aliases: ['Medellín'] },
  // Mexico
  { id: 'mx-mexico-city', name: 'Mexico City', country: 'MX', metro: 'mx-valle-de-mexico', aliases: ['Mexico City', 'Ciudad de México', 'CDMX', 'México D.F.'] },
  { id: 'mx-guadalajara', name: 'Guadalajara', country: 'MX', aliases: ['Guadalajara'] },
  { id: 'mx-monterrey', name: 'Monterrey', country: 'MX', aliases: ['Monterrey'] },
  // Costa Rica
  { id: 'cr-san-jose', name: 'San José', country: 'CR', aliases: ['San José'] },
  { id: 'cr-heredia', name: 'Heredia', country: 'CR', aliases: ['Heredia'] },
  // Malaysia
  { id: 'my-kuala-lumpur', name: 'Kuala Lumpur', country: 'MY', metro: 'my-klang-valley', aliases: ['Kuala Lumpur'] },
  { id: 'my-cyberjaya', name: 'Cyberjaya', country: 'MY', metro: 'my-klang-valley', aliases: ['Cyberjaya'] },
  { id: 'my-petaling-jaya', name: 'Petaling Jaya', country: 'MY', metro: 'my-klang-valley', aliases: ['Petaling Jaya'] },
  // Vietnam
  { id: 'vn-ho-chi-minh-city', name: 'Ho Chi Minh City', country: 'VN', aliases: ['Ho Chi Minh City', 'Ho Chi Minh', 'HCMC', 'Saigon', 'Sai Gon', 'TP HCM', 'TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh'] },
  { id: 'vn-hanoi', name: 'Hanoi', country: 'VN', aliases: ['Hanoi', 'Ha Noi'] },
];

/** Business districts, IT parks and zones, each inside one city. */
export const districts: readonly GazetteerDistrict[] = [
  // Metro Manila
  { id: 'ph-bgc', name: 'Bonifacio Global City', city: 'ph-taguig', aliases: ['BGC', 'Bonifacio Global City', 'Fort Bonifacio', 'Global City', 'Uptown Bonifacio'] },
  { id: 'ph-mckinley-hill', name: 'McKinley Hill', city: 'ph-taguig', aliases: ['McKinley Hill', 'McKinley West'] },
  { id: 'ph-ortigas', name: 'Ortigas Center', city: 'ph-pasig', aliases: ['Ortigas', 'Ortigas Center', 'Ortigas Centre', 'Ortigas CBD'] },
  { id: 'ph-eastwood', name: 'Eastwood City', city: 'ph-quezon-city', aliases: ['Eastwood', 'Eastwood City', 'Eastwood City Cyberpark', 'Eastwood Cyberpark'] },
  { id: 'ph-up-technohub', name: 'UP-Ayala TechnoHub', city: 'ph-quezon-city', aliases: ['UP-Ayala TechnoHub', 'UP-Ayala Land TechnoHub', 'UP TechnoHub', 'UP Techno Hub', 'TechnoHub'] },
  { id: 'ph-vertis-north', name: 'Vertis North', city: 'ph-quezon-city', aliases: ['Vertis North'] },
  { id: 'ph-cubao', name: 'Cubao', city: 'ph-quezon-city', aliases: ['Cubao', 'Araneta City', 'Araneta Center'] },
  { id: 'ph-makati-cbd', name: 'Makati CBD', city: 'ph-makati', aliases: ['Makati CBD', 'Makati Central Business District'] },
  { id: 'ph-legaspi-village', name: 'Legaspi Village', city: 'ph-makati', aliases: ['Legaspi Village', 'Legazpi Village'] },
  { id: 'ph-salcedo-village', name: 'Salcedo Village', city: 'ph-makati', aliases: ['Salcedo Village'] },
  { id: 'ph-rockwell', name: 'Rockwell Center', city: 'ph-makati', aliases: ['Rockwell Center', 'Rockwell'] },
  { id: 'ph-alabang', name: 'Alabang', city: 'ph-muntinlupa', aliases: ['Alabang', 'Madrigal Business Park', 'Ayala Alabang'] },
  { id: 'ph-filinvest-city', name: 'Filinvest City', city: 'ph-muntinlupa', aliases: ['Filinvest City', 'Filinvest Alabang', 'Northgate Cyberzone'] },
  { id: 'ph-moa', name: 'Mall of Asia Complex', city: 'ph-pasay', aliases: ['Mall of Asia', 'SM Mall of Asia', 'MOA Complex'] },
  { id: 'ph-ermita', name: 'Ermita', city: 'ph-manila', aliases: ['Ermita', 'Malate', 'Binondo', 'Intramuros'] },
  // Metro Cebu and the Visayas / Mindanao / Luzon hubs
  { id: 'ph-cebu-it-park', name: 'Cebu IT Park', city: 'ph-cebu-city', aliases: ['Cebu IT Park', 'Cebu I.T. Park', 'Asiatown IT Park', 'Cebu Cyberpark'] },
  { id: 'ph-lahug', name: 'Lahug', city: 'ph-cebu-city', aliases: ['Lahug', 'Apas'] },
  { id: 'ph-cebu-business-park', name: 'Cebu Business Park', city: 'ph-cebu-city', aliases: ['Cebu Business Park', 'Ayala Center Cebu'] },
  { id: 'ph-mactan', name: 'Mactan', city: 'ph-lapu-lapu', aliases: ['Mactan', 'Mactan Newtown', 'Mactan Economic Zone', 'MEPZ', 'Mactan Export Processing Zone'] },
  { id: 'ph-lanang', name: 'Lanang', city: 'ph-davao', aliases: ['Lanang', 'Davao Park District'] },
  { id: 'ph-iloilo-business-park', name: 'Iloilo Business Park', city: 'ph-iloilo', aliases: ['Iloilo Business Park', 'Mandurriao'] },
  { id: 'ph-clark', name: 'Clark Freeport Zone', city: 'ph-angeles', aliases: ['Clark', 'Clark Freeport', 'Clark Freeport Zone', 'Clark Special Economic Zone', 'Clark Global City'] },
  // India
  { id: 'in-whitefield', name: 'Whitefield', city: 'in-bengaluru', aliases: ['Whitefield', 'ITPL', 'ITPB', 'International Tech Park Bangalore'] },
  { id: 'in-electronic-city', name: 'Electronic City', city: 'in-bengaluru', aliases: ['Electronic City', 'Electronics City'] },
  { id: 'in-manyata', name: 'Manyata Tech Park', city: 'in-bengaluru', aliases: ['Manyata', 'Manyata Tech Park', 'Manyata Embassy Business Park'] },
  { id: 'in-koramangala', name: 'Koramangala', city: 'in-bengaluru', aliases: ['Koramangala', 'Bellandur', 'Marathahalli'] },
  { id: 'in-hitec-city', name: 'HITEC City', city: 'in-hyderabad', aliases: ['HITEC City', 'Hitech City', 'Hi-Tech City', 'Hi-Tec City', 'Cyberabad', 'Madhapur'] },
  { id: 'in-gachibowli', name: 'Gachibowli', city: 'in-hyderabad', aliases: ['Gachibowli', 'Nanakramguda', 'Kondapur'] },
  { id: 'in-hinjewadi', name: 'Hinjewadi', city: 'in-pune', aliases: ['Hinjewadi', 'Hinjawadi', 'Rajiv Gandhi Infotech Park'] },
  { id: 'in-kharadi', name: 'Kharadi', city: 'in-pune', aliases: ['Kharadi', 'EON IT Park', 'EON Free Zone'] },
  { id: 'in-magarpatta', name: 'Magarpatta', city: 'in-pune', aliases: ['Magarpatta', 'Magarpatta City'] },
  { id: 'in-omr', name: 'OMR', city: 'in-chennai', aliases: ['OMR', 'Old Mahabalipuram Road', 'Rajiv Gandhi Salai', 'Sholinganallur', 'Perungudi', 'Siruseri', 'Thoraipakkam'] },
  { id: 'in-guindy', name: 'Guindy', city: 'in-chennai', aliases: ['Guindy', 'Tidel Park', 'Taramani'] },
  { id: 'in-cyber-city', name: 'DLF Cyber City', city: 'in-gurugram', aliases: ['Cyber City', 'DLF Cyber City', 'Cybercity', 'Udyog Vihar'] },
  { id: 'in-powai', name: 'Powai', city: 'in-mumbai', aliases: ['Powai', 'Hiranandani Gardens'] },
  { id: 'in-andheri', name: 'Andheri', city: 'in-mumbai', aliases: ['Andheri', 'Andheri East', 'SEEPZ'] },
  { id: 'in-bkc', name: 'Bandra Kurla Complex', city: 'in-mumbai', aliases: ['BKC', 'Bandra Kurla Complex'] },
  { id: 'in-goregaon', name: 'Goregaon', city: 'in-mumbai', aliases: ['Goregaon', 'Malad', 'Lower Parel'] },
  { id: 'in-airoli', name: 'Airoli', city: 'in-navi-mumbai', aliases: ['Airoli', 'Vashi', 'Ghansoli'] },
  { id: 'in-salt-lake', name: 'Salt Lake Sector V', city: 'in-kolkata', aliases: ['Salt Lake City Sector V', 'Sector V Salt Lake', 'Bidhannagar'] },
  // South Africa
  { id: 'za-century-city', name: 'Century City', city: 'za-cape-town', aliases: ['Century City'] },
  { id: 'za-umhlanga', name: 'Umhlanga', city: 'za-durban', aliases: ['Umhlanga', 'Umhlanga Rocks', 'Umhlanga Ridge'] },
  { id: 'za-sandton', name: 'Sandton', city: 'za-johannesburg', aliases: ['Sandton', 'Rosebank', 'Midrand'] },
  // Poland, Romania
  { id: 'pl-mokotow', name: 'Mokotów', city: 'pl-warsaw', aliases: ['Mokotów'] },
  { id: 'ro-pipera', name: 'Pipera', city: 'ro-bucharest', aliases: ['Pipera', 'Floreasca'] },
  // Egypt
  { id: 'eg-smart-village', name: 'Smart Village', city: 'eg-cairo', aliases: ['Smart Village', 'Smart Village Egypt'] },
  { id: 'eg-maadi', name: 'Maadi', city: 'eg-cairo', aliases: ['Maadi', 'Nasr City', 'Heliopolis'] },
  // Colombia, Mexico, Costa Rica
  { id: 'co-el-poblado', name: 'El Poblado', city: 'co-medellin', aliases: ['El Poblado'] },
  { id: 'mx-santa-fe', name: 'Santa Fe', city: 'mx-mexico-city', aliases: ['Santa Fe'] },
  { id: 'cr-escazu', name: 'Escazú', city: 'cr-san-jose', aliases: ['Escazú'] },
  { id: 'cr-ultrapark', name: 'Ultrapark', city: 'cr-heredia', aliases: ['Ultrapark', 'Zona Franca America'] },
  // Malaysia, Vietnam
  { id: 'my-kl-sentral', name: 'KL Sentral', city: 'my-kuala-lumpur', aliases: ['KL Sentral', 'KLCC', 'Bangsar South', 'Mid Valley City', 'Mid Valley'] },
  { id: 'vn-qtsc', name: 'Quang Trung Software City', city: 'vn-ho-chi-minh-city', aliases: ['Quang Trung Software City', 'QTSC'] },
  { id: 'vn-cau-giay', name: 'Cau Giay', city: 'vn-hanoi', aliases: ['Cầu Giấy'] },
];

/** A place named in a text. */
export interface PlaceMention {
  kind: 'metro' | 'city' | 'district' | 'province';
  /** Id of the metro, city, district or province. */
  id: string;
  name: string;
  country: string;
  /** The city the mention places the site in (cities and districts). */
  cityId?: string;
  /** The metro area of that city, or the metro itself. */
  metroId?: string;
  /** The name can also mean a province or region (see the rules). */
  weak: boolean;
  /** Word positions [start, end) in the tokenized text. */
  start: number;
  end: number;
}

interface AliasEntry {
  words: string[];
  mention: Omit<PlaceMention, 'start' | 'end'>;
}

const cityById = new Map(cities.map((c) => [c.id, c]));
const metroById = new Map(metros.map((m) => [m.id, m]));
const districtById = new Map(districts.map((d) => [d.id, d]));

function buildAliasIndex(): Map<string, AliasEntry[]> {
  const index = new Map<string, AliasEntry[]>();
  const add = (alias: string, mention: AliasEntry['mention']) => {
    const words = normalizeText(alias).split(' ').filter(Boolean);
    const first = words[0];
    if (!first) return;
    const list = index.get(first) ?? [];
    list.push({ words, mention });
    index.set(first, list);
  };
  for (const m of metros) {
    for (const a of m.aliases) add(a, { kind: 'metro', id: m.id, name: m.name, country: m.country, metroId: m.id, weak: false });
  }
  for (const p of provinces) {
    for (const a of p.aliases) add(a, { kind: 'province', id: p.id, name: p.name, country: p.country, weak: false });
  }
  for (const c of cities) {
    const base = { kind: 'city' as const, id: c.id, name: c.name, country: c.country, cityId: c.id, metroId: c.metro };
    for (const a of c.aliases) add(a, { ...base, weak: false });
    for (const a of c.weakAliases ?? []) add(a, { ...base, weak: true });
  }
  for (const d of districts) {
    const city = cityById.get(d.city);
    if (!city) throw new Error(`gazetteer: district ${d.id} names unknown city ${d.city}`);
    for (const a of d.aliases) add(a, { kind: 'district', id: d.id, name: d.name, country: city.country, cityId: city.id, metroId: city.metro, weak: false });
  }
  for (const list of index.values()) list.sort((x, y) => y.words.length - x.words.length);
  return index;
}

const aliasIndex = buildAliasIndex();

/**
 * Places named in a tokenized text (see {@link normalizeText}), longest name
 * first, without overlaps. With a country, places of other countries are
 * ignored; without one, a name shared by two countries yields both.
 */
export function findPlaces(tokens: readonly string[], country?: string | null): PlaceMention[] {
  const found: PlaceMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = aliasIndex.get(tokens[i] ?? '') ?? [];
    let matchedLength = 0;
    for (const entry of candidates) {
      if (matchedLength && entry.words.length < matchedLength) break;
      if (country && entry.mention.country !== country) continue;
      if (!entry.words.every((w, k) => tokens[i + k] === w)) continue;
      matchedLength = entry.words.length;
      found.push({ ...entry.mention, start: i, end: i + matchedLength });
    }
    i += matchedLength || 1;
  }
  return found;
}

/** Places named in free text, as {@link findPlaces}. */
export function findPlacesInText(text: string, country?: string | null): PlaceMention[] {
  return findPlaces(normalizeText(text).split(' ').filter(Boolean), country);
}

/** The gazetteer city with this id. */
export function getCity(id: string): GazetteerCity | undefined {
  return cityById.get(id);
}

/** The gazetteer metro area with this id. */
export function getMetro(id: string): GazetteerMetro | undefined {
  return metroById.get(id);
}

/** The gazetteer district with this id. */
export function getDistrict(id: string): GazetteerDistrict | undefined {
  return districtById.get(id);
}
