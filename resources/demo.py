"""Demo content for the resource library: the shared vocabulary of topics and places, and a
library of resources with small real PDFs, in English with its Spanish translation.

The programme's three outputs are real publications; their authors as given here, the other
resources and all DOIs are fictional."""

import datetime

from django.core.files.base import ContentFile
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from wagtail.documents import get_document_model
from wagtail.models import Locale, Site

from network.demo import ensure_child_page, ensure_snippet_translation, ensure_translation
from network.models import Place, Topic
from resources.choices import PublicationLanguage, ResourceType
from resources.models import (
    RelatedResource,
    ResourceAuthor,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
)

CLI = "UCL City Leadership Initiative"
BOC = "The Business of Cities"
CEUS = "Centro de Estudios Urbanos del Sur"  # a fictional research centre

LIBRARY = {
    "title": "Resource library",
    "search_description": (
        "Research and policy documents on business improvement districts, smart urban "
        "governance and city leadership in Chile and the UK."
    ),
    "introduction": (
        "Reports, policy briefs, data and presentations from the network and its partners, in "
        "English and Spanish."
    ),
}

# (slug, name, description)
TOPICS = [
    (
        "business-improvement-districts",
        "Business improvement districts",
        "Areas where local businesses agree to fund and run improvements to the place where they "
        "trade.",
    ),
    (
        "smart-urban-governance",
        "Smart urban governance",
        "How cities use data, technology and collaboration to make better decisions.",
    ),
    (
        "city-leadership",
        "City leadership",
        "Who leads cities, with what powers, and how leaders work together.",
    ),
    (
        "local-economic-development",
        "Local economic development",
        "Jobs, businesses and investment in a city or neighbourhood.",
    ),
    (
        "devolution",
        "Devolution",
        "Moving powers and funding from national government to regions and cities.",
    ),
    (
        "urban-regeneration",
        "Urban regeneration",
        "Bringing new life to run-down streets, centres and waterfronts.",
    ),
    (
        "public-private-partnerships",
        "Public-private partnerships",
        "Government, business and communities sharing the work of improving a place.",
    ),
    (
        "small-business",
        "Small business",
        "Small shops and firms, the backbone of neighbourhood high streets.",
    ),
    (
        "urban-data",
        "Urban data",
        "Information about cities that can be shared, compared and used to plan.",
    ),
]

# (slug, name, kind, country slug). Countries come first: a city is translated after its
# country, so that the Spanish city belongs to the Spanish country.
PLACES = [
    ("chile", "Chile", Place.Kind.COUNTRY, None),
    ("united-kingdom", "United Kingdom", Place.Kind.COUNTRY, None),
    ("santiago", "Santiago", Place.Kind.CITY, "chile"),
    ("valparaiso", "Valparaíso", Place.Kind.CITY, "chile"),
    ("concepcion", "Concepción", Place.Kind.CITY, "chile"),
    ("temuco", "Temuco", Place.Kind.CITY, "chile"),
    ("biobio", "Biobío Region", Place.Kind.REGION, "chile"),
    ("london", "London", Place.Kind.CITY, "united-kingdom"),
    ("manchester", "Manchester", Place.Kind.CITY, "united-kingdom"),
    ("greater-manchester", "Greater Manchester", Place.Kind.REGION, "united-kingdom"),
    ("bristol", "Bristol", Place.Kind.CITY, "united-kingdom"),
]

# A resource's "related" slugs name resources earlier in this list, which exist by then. "pdf"
# is a paragraph, in the original language, that only the resource's PDF contains; the PDF's
# other text is the page's, in that language.
RESOURCES = [
    {
        "slug": "national-strategy-smarter-city-leadership",
        "title": "Towards a national strategy for smarter city leadership and governance",
        "resource_type": ResourceType.WHITE_PAPER,
        "publication_date": datetime.date(2019, 10, 15),
        "language": PublicationLanguage.ENGLISH,
        "publisher": CLI,
        "authors": [
            ("Eleanor Whitcombe", CLI),
            ("Tomás Riquelme Soto", CLI),
            ("Hannah Pryce", BOC),
        ],
        "topics": ["city-leadership", "smart-urban-governance", "devolution"],
        "places": ["chile", "united-kingdom"],
        "doi": "10.5281/zenodo.3345120",
        "summary": (
            "A white paper for the Ministry of Housing and Urban Development (MINVU) on how Chile "
            "could put in place a national strategy for smarter city leadership and governance."
        ),
        "heading": "Main recommendations",
        "paragraphs": [
            "Chilean cities need leaders who can work across municipal boundaries and bring "
            "national agencies, business and citizens to the same table.",
            "The paper proposes a national framework that gives cities clear roles, shared data "
            "and the skills to plan for the long term, drawing on UK experience of city deals and "
            "devolution.",
        ],
        "pdf": "The strategy rests on subsidiarity: decisions should be taken at the lowest level "
        "of government able to take them well, with national support where cities lack capacity.",
    },
    {
        "slug": "business-improvement-districts-policy-brief",
        "title": "Business improvement districts: UK practice and international examples",
        "resource_type": ResourceType.POLICY_BRIEF,
        "publication_date": datetime.date(2019, 7, 1),
        "language": PublicationLanguage.ENGLISH,
        "publisher": CLI,
        "authors": [("Hannah Pryce", BOC), ("Daniel Okafor", BOC)],
        "topics": [
            "business-improvement-districts",
            "public-private-partnerships",
            "local-economic-development",
        ],
        "places": ["united-kingdom", "london", "bristol", "chile"],
        "doi": "10.5281/zenodo.3345187",
        "related": ["national-strategy-smarter-city-leadership"],
        "summary": (
            "A policy brief that condenses UK best practice and international examples of business "
            "improvement districts for SERCOTEC and the Barrios Comerciales programme."
        ),
        "heading": "How a business improvement district works",
        "paragraphs": [
            "Businesses in a defined area vote for a plan and pay a small levy that funds extra "
            "services, such as cleaning, safety, marketing and events.",
            "The brief compares districts in London and Bristol with examples from North America, "
            "Germany and South Africa, and sets out what Chile could adapt.",
        ],
        "pdf": "In England the levy is collected from non-domestic ratepayers together with "
        "business rates, and each district must win a new ballot every five years.",
    },
    {
        "slug": "placing-business-leadership",
        "title": "Placing Business Leadership: insights from Chile's Barrios Comerciales",
        "resource_type": ResourceType.REPORT,
        "publication_date": datetime.date(2019, 12, 10),
        "language": PublicationLanguage.ENGLISH,
        "publisher": CLI,
        "authors": [
            ("Tomás Riquelme Soto", CLI),
            ("Eleanor Whitcombe", CLI),
            ("Carolina Fuentes Araya", CLI),
            ("Daniel Okafor", BOC),
        ],
        "topics": [
            "business-improvement-districts",
            "city-leadership",
            "local-economic-development",
            "small-business",
        ],
        "places": ["chile", "santiago", "valparaiso", "concepcion", "temuco"],
        "doi": "10.5281/zenodo.3567902",
        "related": [
            "business-improvement-districts-policy-brief",
            "national-strategy-smarter-city-leadership",
        ],
        "summary": (
            "The project report: what Chile's Barrios Comerciales programme shows about business "
            "leadership in neighbourhoods, and how it could grow into a national approach."
        ),
        "heading": "What we found",
        "paragraphs": [
            "Where traders had organised themselves, they worked with their municipality on "
            "street improvements, shared promotion and safer public spaces.",
            "Most associations still depend on short-term public funding. The report recommends a "
            "stable legal and financial basis so that business leadership can last.",
        ],
        "pdf": "Many members are family-run almacenes and small workshops that have traded on "
        "the same street for decades.",
    },
    {
        "slug": "organising-traders-central-temuco",
        "title": "Organising traders in central Temuco",
        "resource_type": ResourceType.CASE_STUDY,
        "publication_date": datetime.date(2018, 8, 20),
        "language": PublicationLanguage.SPANISH,
        "publisher": CEUS,
        "authors": [("Isabel Contreras Muñoz", CEUS), ("Martín Soto Valdés", CEUS)],
        "topics": [
            "business-improvement-districts",
            "small-business",
            "local-economic-development",
        ],
        "places": ["chile", "temuco"],
        "related": ["placing-business-leadership"],
        "summary": (
            "How a group of shop owners in the centre of Temuco formed an association and agreed "
            "a first plan with their municipality."
        ),
        "heading": "From meetings to a shared plan",
        "paragraphs": [
            "The association began with monthly meetings about safety and cleaning. Within two "
            "years it had a shared brand, a calendar of events and a contact at the municipality.",
        ],
        "pdf": "Los feriantes de las calles cercanas se sumaron a la asociación en su segundo "
        "año, lo que amplió la oferta del barrio.",
    },
    {
        "slug": "heritage-and-trade-valparaiso",
        "title": "Heritage and trade on the hills of Valparaíso",
        "resource_type": ResourceType.CASE_STUDY,
        "publication_date": datetime.date(2017, 4, 5),
        "language": PublicationLanguage.SPANISH,
        "publisher": CEUS,
        "authors": [
            ("Valentina Lagos Herrera", CEUS),
            ("Rafael Muñoz Tapia", CEUS),
            ("Francisca Vidal Rojas", CEUS),
        ],
        "topics": ["urban-regeneration", "local-economic-development", "small-business"],
        "places": ["chile", "valparaiso"],
        "summary": (
            "A study of small businesses in the historic hill neighbourhoods of Valparaíso, and of "
            "how heritage protection and local trade can support each other."
        ),
        "heading": "Living heritage",
        "paragraphs": [
            "Cafés, bookshops and workshops keep the old streets busy, but high rents and tourist "
            "seasons make their income uncertain.",
            "The study suggests that business owners and residents plan together with the "
            "municipality, so that protecting buildings also protects the everyday life of the "
            "neighbourhood.",
        ],
        "pdf": "Varios negocios dependen del paso de visitantes que suben en los ascensores "
        "históricos.",
    },
    {
        "slug": "twenty-years-of-bids-in-england",
        "title": "Twenty years of business improvement districts in England",
        "resource_type": ResourceType.ARTICLE,
        "publication_date": datetime.date(2024, 9, 2),
        "language": PublicationLanguage.ENGLISH,
        "publisher": "Journal of Urban Partnership Studies",  # a fictional journal
        "authors": [("Owen Tremayne", CLI), ("Lucy Ashworth", BOC), ("Priya Raman", CLI)],
        "topics": ["business-improvement-districts", "devolution", "public-private-partnerships"],
        "places": ["united-kingdom", "london", "manchester", "bristol"],
        "doi": "10.5281/zenodo.11204388",
        "external_url": "https://journals.example.org/jups/twenty-years-of-bids",
        "summary": (
            "An article looking back at two decades of business improvement districts in England: "
            "how many there are, what they do and what their members think of them."
        ),
        "heading": "A growing model",
        "paragraphs": [
            "Since the first districts were set up in 2005, more than three hundred have been "
            "created, in city centres, market towns and industrial estates.",
            "The article finds that the strongest districts are those that work closely with "
            "their local authority while keeping the trust of their members.",
        ],
    },
    {
        "slug": "smart-governance-indicators-chilean-cities",
        "title": "Smart governance indicators for Chilean cities",
        "resource_type": ResourceType.DATASET,
        "publication_date": datetime.date(2021, 5, 18),
        "language": PublicationLanguage.ENGLISH,
        "publisher": CLI,
        "authors": [(CLI, ""), ("Daniel Okafor", BOC), ("Carolina Fuentes Araya", CLI)],
        "topics": ["smart-urban-governance", "urban-data", "city-leadership"],
        "places": ["chile", "santiago", "valparaiso", "concepcion", "temuco"],
        "doi": "10.5281/zenodo.4771093",
        "summary": (
            "A dataset of indicators on how Chilean cities use data, digital services and "
            "partnerships in their decisions, with notes on sources and methods."
        ),
        "heading": "What the dataset contains",
        "paragraphs": [
            "Forty indicators for each city, grouped into leadership, data, services and "
            "partnerships, collected from public records and interviews with officials.",
        ],
        "pdf": "This codebook defines each indicator, its unit and the year of the source.",
    },
    {
        "slug": "devolution-greater-manchester-june-exchange",
        "title": "Devolution in Greater Manchester: lessons for Chilean cities",
        "resource_type": ResourceType.PRESENTATION,
        "publication_date": datetime.date(2019, 6, 12),
        "language": PublicationLanguage.ENGLISH,
        "publisher": BOC,
        "authors": [("Lucy Ashworth", BOC)],
        "topics": ["devolution", "city-leadership"],
        "places": ["united-kingdom", "greater-manchester", "manchester", "santiago"],
        "summary": (
            "Slides from the June expert exchange in Santiago on how ten councils in Greater "
            "Manchester came together to win new powers from national government."
        ),
        "heading": "Working together first",
        "paragraphs": [
            "Decades of voluntary cooperation between the councils came before any transfer of "
            "powers. Trust built over time was what made devolution possible.",
        ],
        "pdf": "Mancunian leaders describe the combined authority as a partnership, not a new "
        "layer of government.",
    },
    {
        "slug": "business-led-partnerships-london-november-exchange",
        "title": "Business-led partnerships in London: notes from the November exchange",
        "resource_type": ResourceType.PRESENTATION,
        "publication_date": datetime.date(2019, 11, 20),
        "language": PublicationLanguage.ENGLISH,
        "publisher": BOC,
        "authors": [("Daniel Okafor", BOC), ("Hannah Pryce", BOC)],
        "topics": ["business-improvement-districts", "public-private-partnerships"],
        "places": ["united-kingdom", "london"],
        "related": ["business-improvement-districts-policy-brief"],
        "summary": (
            "Slides and notes from the November visit of Chilean officials and business leaders "
            "to business improvement districts in London."
        ),
        "heading": "What the delegation saw",
        "paragraphs": [
            "The delegation met district managers, councillors and shop owners, and walked the "
            "streets where districts had changed lighting, signs and public spaces.",
        ],
        "pdf": "Clear wayfinding was the improvement that visitors to the districts noticed first.",
    },
    {
        "slug": "voices-from-the-barrios-comerciales",
        "title": "Voices from the Barrios Comerciales",
        "resource_type": ResourceType.VIDEO,
        "publication_date": datetime.date(2020, 3, 9),
        "language": PublicationLanguage.SPANISH,
        "publisher": CLI,
        "authors": [(CLI, "")],
        "topics": ["business-improvement-districts", "small-business"],
        "places": ["chile", "santiago", "concepcion"],
        "summary": (
            "A short film in which shop owners, association leaders and municipal staff explain "
            "what belonging to a Barrio Comercial has changed for them."
        ),
        "heading": "About the film",
        "paragraphs": [
            "Filmed in Santiago and Concepción, the film follows three associations through a year "
            "of meetings, street festivals and negotiations.",
        ],
        # The PDF is the film's transcript.
        "pdf": "En el barrio todos conocen a la señora que vende sopaipillas en la esquina.",
    },
    {
        "slug": "biobio-riverfront-concepcion",
        "title": "Regenerating the Biobío riverfront in Concepción",
        "resource_type": ResourceType.REPORT,
        "publication_date": datetime.date(2015, 11, 3),
        "language": PublicationLanguage.SPANISH,
        "publisher": CEUS,
        "authors": [("Martín Soto Valdés", CEUS), ("Sofía Aravena Pino", CEUS)],
        "topics": ["urban-regeneration", "city-leadership"],
        "places": ["chile", "concepcion", "biobio"],
        "summary": (
            "A report on plans to reconnect the centre of Concepción with the Biobío river, and on "
            "who should lead them."
        ),
        "heading": "A city facing its river",
        "paragraphs": [
            "Railway land and informal settlements long separated the city from the river. The "
            "report reviews the projects that have opened new parks and streets along the bank.",
            "It argues that a metropolitan body, rather than each municipality alone, should "
            "coordinate the next stages.",
        ],
        "pdf": "La reconstrucción tras el terremoto de 2010 aceleró varias de estas obras.",
    },
    {
        "slug": "city-leadership-future-of-cities",
        "title": "City leadership and the future of cities",
        "resource_type": ResourceType.ARTICLE,
        "publication_date": datetime.date(2014, 2, 17),
        "language": PublicationLanguage.ENGLISH,
        "publisher": "Urban Foresight Review",  # a fictional journal
        "authors": [("Eleanor Whitcombe", CLI), ("Owen Tremayne", CLI)],
        "topics": ["city-leadership", "devolution"],
        "places": ["united-kingdom"],
        "doi": "10.5281/zenodo.1234567",
        "summary": (
            "An essay on why the capacity of city leaders matters as much as their formal powers, "
            "written for a UK foresight programme on the future of cities."
        ),
        "heading": "Beyond formal powers",
        "paragraphs": [
            "Mayors and councils lead through networks, persuasion and partnerships as much as "
            "through law. The essay sets out a framework for studying this kind of leadership.",
        ],
        "pdf": "Cities will face megatrends such as ageing, climate change and new technology "
        "with leadership arrangements designed for another century.",
    },
    {
        "slug": "digital-tools-small-traders",
        "title": "Digital tools for small traders in Chilean city centres",
        "resource_type": ResourceType.POLICY_BRIEF,
        "publication_date": datetime.date(2022, 6, 27),
        "language": PublicationLanguage.ENGLISH,
        "publisher": CLI,
        "authors": [
            ("Carolina Fuentes Araya", CLI),
            ("Priya Raman", CLI),
            ("Rafael Muñoz Tapia", CEUS),
        ],
        "topics": ["smart-urban-governance", "small-business", "local-economic-development"],
        "places": ["chile", "santiago", "temuco"],
        "related": ["smart-governance-indicators-chilean-cities"],
        "summary": (
            "A policy brief on how business associations and municipalities can help small shops "
            "sell online and use shared data about their streets."
        ),
        "heading": "Recommendations",
        "paragraphs": [
            "Associations are well placed to offer training and shared online shops. "
            "Municipalities can publish data on visitors and sales so that traders can plan "
            "together.",
        ],
        "pdf": "During the pandemic, contactless payments spread faster than in the previous "
        "five years.",
    },
    {
        "slug": "bristol-high-street-recovery",
        "title": "High street recovery in Bristol",
        "resource_type": ResourceType.CASE_STUDY,
        "publication_date": datetime.date(2021, 10, 11),
        "language": PublicationLanguage.ENGLISH,
        "publisher": BOC,
        "authors": [("Lucy Ashworth", BOC), ("Owen Tremayne", CLI)],
        "topics": ["urban-regeneration", "business-improvement-districts"],
        "places": ["united-kingdom", "bristol"],
        "related": ["twenty-years-of-bids-in-england"],
        "summary": (
            "How business improvement districts in Bristol helped their high streets recover "
            "after the pandemic, and what that means for their future."
        ),
        "heading": "Reopening the streets",
        "paragraphs": [
            "The districts moved quickly to widen pavements, organise outdoor markets and share "
            "public health advice with their members.",
        ],
        "pdf": "Footfall counters showed visitors returning first to streets with outdoor seating.",
    },
    {
        "slug": "barrios-comerciales-six-years-on",
        "title": "Barrios Comerciales six years on",
        "resource_type": ResourceType.REPORT,
        "publication_date": datetime.date(2025, 4, 22),
        "language": PublicationLanguage.SPANISH,
        "publisher": CEUS,
        "authors": [
            ("Sofía Aravena Pino", CEUS),
            ("Isabel Contreras Muñoz", CEUS),
            ("Tomás Riquelme Soto", CLI),
        ],
        "topics": [
            "business-improvement-districts",
            "city-leadership",
            "local-economic-development",
        ],
        "places": ["chile", "santiago", "valparaiso", "temuco"],
        "related": ["placing-business-leadership", "organising-traders-central-temuco"],
        "summary": (
            "A follow-up study of the neighbourhoods that took part in the exchange between Chile "
            "and the UK, and of what has changed in their associations since 2019."
        ),
        "heading": "What has lasted",
        "paragraphs": [
            "Most associations are still active and several now manage their own projects. The "
            "main obstacle remains the lack of a stable source of funding.",
        ],
        "pdf": "Los gremios locales se han convertido en interlocutores habituales de los "
        "municipios.",
    },
]

# The word of each PDF that is nowhere in its resource's page, for tests of document search.
PDF_ONLY_WORDS = {
    "national-strategy-smarter-city-leadership": "subsidiarity",
    "business-improvement-districts-policy-brief": "ratepayers",
    "placing-business-leadership": "almacenes",
    "organising-traders-central-temuco": "feriantes",
    "heritage-and-trade-valparaiso": "ascensores",
    "smart-governance-indicators-chilean-cities": "codebook",
    "devolution-greater-manchester-june-exchange": "Mancunian",
    "business-led-partnerships-london-november-exchange": "wayfinding",
    "voices-from-the-barrios-comerciales": "sopaipillas",
    "biobio-riverfront-concepcion": "terremoto",
    "city-leadership-future-of-cities": "megatrends",
    "digital-tools-small-traders": "contactless",
    "bristol-high-street-recovery": "Footfall",
    "barrios-comerciales-six-years-on": "gremios",
}

SPANISH = {
    # The library
    "Resource library": "Biblioteca de recursos",
    "resources": "recursos",
    "Research and policy documents on business improvement districts, smart urban governance and "
    "city leadership in Chile and the UK.": "Investigación y documentos de política sobre "
    "distritos de mejoramiento comercial, gobernanza urbana inteligente y liderazgo urbano en "
    "Chile y el Reino Unido.",
    "Reports, policy briefs, data and presentations from the network and its partners, in English "
    "and Spanish.": "Informes, documentos de política, datos y presentaciones de la red y sus "
    "socios, en inglés y en español.",
    # Topics
    "Business improvement districts": "Distritos de mejoramiento comercial",
    "Areas where local businesses agree to fund and run improvements to the place where they "
    "trade.": "Zonas donde los comercios locales acuerdan financiar y gestionar mejoras en el "
    "lugar donde trabajan.",
    "Smart urban governance": "Gobernanza urbana inteligente",
    "How cities use data, technology and collaboration to make better decisions.": "Cómo las "
    "ciudades usan datos, tecnología y colaboración para tomar mejores decisiones.",
    "City leadership": "Liderazgo urbano",
    "Who leads cities, with what powers, and how leaders work together.": "Quién lidera las "
    "ciudades, con qué atribuciones y cómo trabajan en conjunto sus líderes.",
    "Local economic development": "Desarrollo económico local",
    "Jobs, businesses and investment in a city or neighbourhood.": "Empleo, empresas e inversión "
    "en una ciudad o un barrio.",
    "Devolution": "Descentralización",
    "Moving powers and funding from national government to regions and cities.": "El traspaso de "
    "atribuciones y recursos desde el gobierno central a las regiones y ciudades.",
    "Urban regeneration": "Regeneración urbana",
    "Bringing new life to run-down streets, centres and waterfronts.": "Dar nueva vida a calles, "
    "centros urbanos y riberas deteriorados.",
    "Public-private partnerships": "Alianzas público-privadas",
    "Government, business and communities sharing the work of improving a place.": "Gobierno, "
    "empresas y comunidades que comparten la tarea de mejorar un lugar.",
    "Small business": "Pequeñas empresas",
    "Small shops and firms, the backbone of neighbourhood high streets.": "Los pequeños comercios "
    "y empresas, columna vertebral de las calles comerciales de barrio.",
    "Urban data": "Datos urbanos",
    "Information about cities that can be shared, compared and used to plan.": "Información sobre "
    "las ciudades que se puede compartir, comparar y usar para planificar.",
    # Places
    "Chile": "Chile",
    "United Kingdom": "Reino Unido",
    "Santiago": "Santiago",
    "Valparaíso": "Valparaíso",
    "Concepción": "Concepción",
    "Temuco": "Temuco",
    "Biobío Region": "Región del Biobío",
    "London": "Londres",
    "Manchester": "Mánchester",
    "Greater Manchester": "Gran Mánchester",
    "Bristol": "Bristol",
    # Towards a national strategy for smarter city leadership and governance
    "Towards a national strategy for smarter city leadership and governance": "Hacia una "
    "estrategia nacional para un liderazgo y una gobernanza urbana más inteligentes",
    "national-strategy-smarter-city-leadership": "estrategia-nacional-liderazgo-urbano-inteligente",
    "A white paper for the Ministry of Housing and Urban Development (MINVU) on how Chile could "
    "put in place a national strategy for smarter city leadership and governance.": "Un libro "
    "blanco para el Ministerio de Vivienda y Urbanismo (MINVU) sobre cómo Chile podría implementar "
    "una estrategia nacional para un liderazgo y una gobernanza urbana más inteligentes.",
    "Main recommendations": "Principales recomendaciones",
    "Chilean cities need leaders who can work across municipal boundaries and bring national "
    "agencies, business and citizens to the same table.": "Las ciudades chilenas necesitan "
    "líderes capaces de trabajar más allá de los límites comunales y de reunir en una misma mesa "
    "a los organismos nacionales, las empresas y la ciudadanía.",
    "The paper proposes a national framework that gives cities clear roles, shared data and the "
    "skills to plan for the long term, drawing on UK experience of city deals and "
    "devolution.": "El documento propone un marco nacional que entregue a las ciudades funciones "
    "claras, datos compartidos y las capacidades para planificar a largo plazo, a partir de la "
    "experiencia británica de los city deals y la descentralización.",
    # Business improvement districts: UK practice and international examples
    "Business improvement districts: UK practice and international examples": "Distritos de "
    "mejoramiento comercial: práctica británica y ejemplos internacionales",
    "business-improvement-districts-policy-brief": "distritos-de-mejoramiento-comercial-informe",
    "A policy brief that condenses UK best practice and international examples of business "
    "improvement districts for SERCOTEC and the Barrios Comerciales programme.": "Un informe de "
    "políticas que resume las buenas prácticas británicas y ejemplos internacionales de "
    "distritos de mejoramiento comercial para SERCOTEC y el programa Barrios Comerciales.",
    "How a business improvement district works": "Cómo funciona un distrito de mejoramiento "
    "comercial",
    "Businesses in a defined area vote for a plan and pay a small levy that funds extra services, "
    "such as cleaning, safety, marketing and events.": "Los negocios de un área definida votan un "
    "plan y pagan un pequeño aporte que financia servicios adicionales, como limpieza, seguridad, "
    "promoción y eventos.",
    "The brief compares districts in London and Bristol with examples from North America, Germany "
    "and South Africa, and sets out what Chile could adapt.": "El informe compara distritos de "
    "Londres y Bristol con ejemplos de América del Norte, Alemania y Sudáfrica, y plantea qué "
    "podría adaptar Chile.",
    # Placing Business Leadership
    "Placing Business Leadership: insights from Chile's Barrios Comerciales": "Situar el "
    "liderazgo empresarial: aprendizajes de los Barrios Comerciales de Chile",
    "placing-business-leadership": "situar-el-liderazgo-empresarial",
    "The project report: what Chile's Barrios Comerciales programme shows about business "
    "leadership in neighbourhoods, and how it could grow into a national approach.": "El informe "
    "del proyecto: lo que el programa Barrios Comerciales de Chile muestra sobre el liderazgo "
    "empresarial en los barrios y cómo podría convertirse en un enfoque nacional.",
    "What we found": "Lo que encontramos",
    "Where traders had organised themselves, they worked with their municipality on street "
    "improvements, shared promotion and safer public spaces.": "Donde los comerciantes se habían "
    "organizado, trabajaron con su municipio en mejoras de las calles, promoción conjunta y "
    "espacios públicos más seguros.",
    "Most associations still depend on short-term public funding. The report recommends a stable "
    "legal and financial basis so that business leadership can last.": "La mayoría de las "
    "asociaciones aún depende de financiamiento público de corto plazo. El informe recomienda "
    "una base legal y financiera estable para que el liderazgo empresarial perdure.",
    # Organising traders in central Temuco
    "Organising traders in central Temuco": "Organizar a los comerciantes del centro de Temuco",
    "organising-traders-central-temuco": "comerciantes-del-centro-de-temuco",
    "How a group of shop owners in the centre of Temuco formed an association and agreed a first "
    "plan with their municipality.": "Cómo un grupo de comerciantes del centro de Temuco formó "
    "una asociación y acordó un primer plan con su municipio.",
    "From meetings to a shared plan": "De las reuniones a un plan común",
    "The association began with monthly meetings about safety and cleaning. Within two years it "
    "had a shared brand, a calendar of events and a contact at the municipality.": "La "
    "asociación comenzó con reuniones mensuales sobre seguridad y aseo. En dos años ya tenía una "
    "marca común, un calendario de actividades y una contraparte en el municipio.",
    # Heritage and trade on the hills of Valparaíso
    "Heritage and trade on the hills of Valparaíso": "Patrimonio y comercio en los cerros de "
    "Valparaíso",
    "heritage-and-trade-valparaiso": "patrimonio-y-comercio-en-valparaiso",
    "A study of small businesses in the historic hill neighbourhoods of Valparaíso, and of how "
    "heritage protection and local trade can support each other.": "Un estudio de los pequeños "
    "negocios en los barrios históricos de los cerros de Valparaíso, y de cómo la protección del "
    "patrimonio y el comercio local pueden apoyarse mutuamente.",
    "Living heritage": "Patrimonio vivo",
    "Cafés, bookshops and workshops keep the old streets busy, but high rents and tourist seasons "
    "make their income uncertain.": "Cafés, librerías y talleres mantienen vivas las calles "
    "antiguas, pero los arriendos altos y la estacionalidad del turismo hacen incierto su "
    "ingreso.",
    "The study suggests that business owners and residents plan together with the municipality, "
    "so that protecting buildings also protects the everyday life of the neighbourhood.": "El "
    "estudio sugiere que comerciantes y vecinos planifiquen junto al municipio, para que la "
    "protección de los edificios proteja también la vida cotidiana del barrio.",
    # Twenty years of business improvement districts in England
    "Twenty years of business improvement districts in England": "Veinte años de distritos de "
    "mejoramiento comercial en Inglaterra",
    "twenty-years-of-bids-in-england": "veinte-anos-de-distritos-de-mejoramiento-comercial",
    "An article looking back at two decades of business improvement districts in England: how "
    "many there are, what they do and what their members think of them.": "Un artículo que "
    "revisa dos décadas de distritos de mejoramiento comercial en Inglaterra: cuántos hay, qué "
    "hacen y qué opinan de ellos sus miembros.",
    "A growing model": "Un modelo en expansión",
    "Since the first districts were set up in 2005, more than three hundred have been created, in "
    "city centres, market towns and industrial estates.": "Desde que se crearon los primeros "
    "distritos en 2005, se han formado más de trescientos, en centros urbanos, pueblos con "
    "mercado y parques industriales.",
    "The article finds that the strongest districts are those that work closely with their local "
    "authority while keeping the trust of their members.": "El artículo concluye que los "
    "distritos más sólidos son los que trabajan de cerca con su autoridad local sin perder la "
    "confianza de sus miembros.",
    # Smart governance indicators for Chilean cities
    "Smart governance indicators for Chilean cities": "Indicadores de gobernanza inteligente para "
    "ciudades chilenas",
    "smart-governance-indicators-chilean-cities": "indicadores-de-gobernanza-inteligente",
    "A dataset of indicators on how Chilean cities use data, digital services and partnerships in "
    "their decisions, with notes on sources and methods.": "Un conjunto de datos con indicadores "
    "sobre cómo las ciudades chilenas usan datos, servicios digitales y alianzas en sus "
    "decisiones, con notas sobre fuentes y métodos.",
    "What the dataset contains": "Qué contiene el conjunto de datos",
    "Forty indicators for each city, grouped into leadership, data, services and partnerships, "
    "collected from public records and interviews with officials.": "Cuarenta indicadores por "
    "ciudad, agrupados en liderazgo, datos, servicios y alianzas, recopilados a partir de "
    "registros públicos y entrevistas con funcionarios.",
    # Devolution in Greater Manchester
    "Devolution in Greater Manchester: lessons for Chilean cities": "Descentralización en Gran "
    "Mánchester: lecciones para las ciudades chilenas",
    "devolution-greater-manchester-june-exchange": "descentralizacion-en-gran-manchester",
    "Slides from the June expert exchange in Santiago on how ten councils in Greater Manchester "
    "came together to win new powers from national government.": "Presentación del intercambio "
    "de expertos de junio en Santiago sobre cómo diez municipios de Gran Mánchester se unieron "
    "para obtener nuevas atribuciones del gobierno central.",
    "Working together first": "Primero, trabajar juntos",
    "Decades of voluntary cooperation between the councils came before any transfer of powers. "
    "Trust built over time was what made devolution possible.": "Décadas de cooperación "
    "voluntaria entre los municipios precedieron cualquier traspaso de atribuciones. La "
    "confianza construida en el tiempo fue lo que hizo posible la descentralización.",
    # Business-led partnerships in London
    "Business-led partnerships in London: notes from the November exchange": "Alianzas lideradas "
    "por empresas en Londres: notas del intercambio de noviembre",
    "business-led-partnerships-london-november-exchange": "alianzas-empresariales-en-londres",
    "Slides and notes from the November visit of Chilean officials and business leaders to "
    "business improvement districts in London.": "Presentación y notas de la visita de noviembre "
    "de funcionarios y líderes empresariales chilenos a distritos de mejoramiento comercial de "
    "Londres.",
    "What the delegation saw": "Lo que vio la delegación",
    "The delegation met district managers, councillors and shop owners, and walked the streets "
    "where districts had changed lighting, signs and public spaces.": "La delegación se reunió "
    "con gerentes de distritos, concejales y comerciantes, y recorrió las calles donde los "
    "distritos habían cambiado la iluminación, la señalética y los espacios públicos.",
    # Voices from the Barrios Comerciales
    "Voices from the Barrios Comerciales": "Voces de los Barrios Comerciales",
    "voices-from-the-barrios-comerciales": "voces-de-los-barrios-comerciales",
    "A short film in which shop owners, association leaders and municipal staff explain what "
    "belonging to a Barrio Comercial has changed for them.": "Un cortometraje en que "
    "comerciantes, dirigentes de asociaciones y funcionarios municipales cuentan qué ha cambiado "
    "para ellos pertenecer a un Barrio Comercial.",
    "About the film": "Sobre el video",
    "Filmed in Santiago and Concepción, the film follows three associations through a year of "
    "meetings, street festivals and negotiations.": "Grabado en Santiago y Concepción, el video "
    "acompaña a tres asociaciones durante un año de reuniones, fiestas callejeras y "
    "negociaciones.",
    # Regenerating the Biobío riverfront in Concepción
    "Regenerating the Biobío riverfront in Concepción": "Regeneración de la ribera del Biobío en "
    "Concepción",
    "biobio-riverfront-concepcion": "regeneracion-ribera-del-biobio",
    "A report on plans to reconnect the centre of Concepción with the Biobío river, and on who "
    "should lead them.": "Un informe sobre los planes para reconectar el centro de Concepción con "
    "el río Biobío, y sobre quién debería liderarlos.",
    "A city facing its river": "Una ciudad frente a su río",
    "Railway land and informal settlements long separated the city from the river. The report "
    "reviews the projects that have opened new parks and streets along the bank.": "Terrenos "
    "ferroviarios y asentamientos informales separaron por mucho tiempo la ciudad del río. El "
    "informe revisa los proyectos que han abierto nuevos parques y calles a lo largo de la "
    "ribera.",
    "It argues that a metropolitan body, rather than each municipality alone, should coordinate "
    "the next stages.": "Sostiene que un organismo metropolitano, y no cada municipio por "
    "separado, debería coordinar las próximas etapas.",
    # City leadership and the future of cities
    "City leadership and the future of cities": "El liderazgo urbano y el futuro de las ciudades",
    "city-leadership-future-of-cities": "liderazgo-urbano-y-futuro-de-las-ciudades",
    "An essay on why the capacity of city leaders matters as much as their formal powers, written "
    "for a UK foresight programme on the future of cities.": "Un ensayo sobre por qué la "
    "capacidad de los líderes urbanos importa tanto como sus atribuciones formales, escrito para "
    "un programa británico de prospectiva sobre el futuro de las ciudades.",
    "Beyond formal powers": "Más allá de las atribuciones formales",
    "Mayors and councils lead through networks, persuasion and partnerships as much as through "
    "law. The essay sets out a framework for studying this kind of leadership.": "Alcaldes y "
    "concejos lideran tanto mediante redes, persuasión y alianzas como mediante la ley. El "
    "ensayo propone un marco para estudiar este tipo de liderazgo.",
    # Digital tools for small traders in Chilean city centres
    "Digital tools for small traders in Chilean city centres": "Herramientas digitales para "
    "pequeños comerciantes en los centros urbanos de Chile",
    "digital-tools-small-traders": "herramientas-digitales-para-pequenos-comerciantes",
    "A policy brief on how business associations and municipalities can help small shops sell "
    "online and use shared data about their streets.": "Un informe de políticas sobre cómo las "
    "asociaciones gremiales y los municipios pueden ayudar a los pequeños comercios a vender en "
    "línea y a usar datos compartidos sobre sus calles.",
    "Recommendations": "Recomendaciones",
    "Associations are well placed to offer training and shared online shops. Municipalities can "
    "publish data on visitors and sales so that traders can plan together.": "Las asociaciones "
    "están bien situadas para ofrecer capacitación y tiendas en línea compartidas. Los "
    "municipios pueden publicar datos sobre visitantes y ventas para que los comerciantes "
    "planifiquen en conjunto.",
    # High street recovery in Bristol
    "High street recovery in Bristol": "La recuperación de las calles comerciales de Bristol",
    "bristol-high-street-recovery": "recuperacion-de-calles-comerciales-en-bristol",
    "How business improvement districts in Bristol helped their high streets recover after the "
    "pandemic, and what that means for their future.": "Cómo los distritos de mejoramiento "
    "comercial de Bristol ayudaron a recuperar sus calles comerciales tras la pandemia, y qué "
    "significa eso para su futuro.",
    "Reopening the streets": "Reabrir las calles",
    "The districts moved quickly to widen pavements, organise outdoor markets and share public "
    "health advice with their members.": "Los distritos actuaron con rapidez para ensanchar "
    "veredas, organizar mercados al aire libre y compartir recomendaciones sanitarias con sus "
    "miembros.",
    # Barrios Comerciales six years on
    "Barrios Comerciales six years on": "Los Barrios Comerciales seis años después",
    "barrios-comerciales-six-years-on": "barrios-comerciales-seis-anos-despues",
    "A follow-up study of the neighbourhoods that took part in the exchange between Chile and the "
    "UK, and of what has changed in their associations since 2019.": "Un estudio de seguimiento "
    "de los barrios que participaron en el intercambio entre Chile y el Reino Unido, y de lo que "
    "ha cambiado en sus asociaciones desde 2019.",
    "What has lasted": "Lo que ha perdurado",
    "Most associations are still active and several now manage their own projects. The main "
    "obstacle remains the lack of a stable source of funding.": "La mayoría de las asociaciones "
    "sigue activa y varias gestionan hoy sus propios proyectos. El principal obstáculo sigue "
    "siendo la falta de una fuente de financiamiento estable.",
}


def ensure_term(model, locale, spanish, log, slug, **fields):
    """The term with this slug, created if missing, and its Spanish translation."""
    term, created = model.objects.get_or_create(locale=locale, slug=slug, defaults=fields)
    log(f"{'created' if created else 'exists'}: {model._meta.verbose_name} “{term.name}”")
    translated, created = ensure_snippet_translation(term, spanish, SPANISH)
    log(f"{'translated' if created else 'exists'}: es “{translated.name}”")
    return term


COVER_BAND_COLOUR = (24, 54, 92)
COVER_BAND_HEIGHT = 100  # millimetres, of the A4 page's 297


def pdf_bytes(title, authors, paragraphs):
    # Helvetica, a core PDF font, covers Latin-1 only, so the demo texts avoid typographic dashes
    # and quotes.
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author(", ".join(authors))
    pdf.add_page()
    # The first page is the resource's cover on the site (network/pdf_cover.py): a dark band
    # with the title in large type still reads when shrunk to a thumbnail.
    pdf.set_fill_color(*COVER_BAND_COLOUR)
    pdf.rect(0, 0, pdf.w, COVER_BAND_HEIGHT, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_y(COVER_BAND_HEIGHT / 3)
    pdf.set_font("Helvetica", style="B", size=24)
    pdf.multi_cell(0, 11, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", style="I", size=12)
    pdf.multi_cell(0, 8, ", ".join(authors), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(COVER_BAND_HEIGHT + 10)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.ln(3)
        pdf.multi_cell(0, 6, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def ensure_pdf(data, log):
    """The resource's PDF as a document, in the resource's original language, made once."""
    texts = [data["title"], data["summary"], *data["paragraphs"]]
    if data["language"] == PublicationLanguage.SPANISH:
        texts = [SPANISH[text] for text in texts]
    title, *paragraphs = texts
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        log(f"exists: document “{title}”")
        return document
    authors = [name for name, _affiliation in data["authors"]]
    content = pdf_bytes(title, authors, [*paragraphs, data["pdf"]])
    document = Document(title=title, file=ContentFile(content, name=f"{data['slug']}.pdf"))
    # Saving reads the PDF's text, which the resources' search index includes.
    document.save()
    log(f"created: document “{title}”")
    return document


def ensure_resource(library, data, topics, places, resources, log):
    """The English resource described by ``data``, created with its PDF if missing."""
    document = ensure_pdf(data, log) if "pdf" in data else None
    body = [
        ("heading", {"text": data["heading"], "level": "h2"}),
        ("paragraph", "".join(f"<p>{text}</p>" for text in data["paragraphs"])),
    ]
    page, created = ensure_child_page(
        library,
        ResourcePage,
        data["slug"],
        title=data["title"],
        resource_type=data["resource_type"],
        publication_date=data["publication_date"],
        original_language=data["language"],
        publisher=data["publisher"],
        summary=data["summary"],
        body=body,
        doi=data.get("doi", ""),
        external_url=data.get("external_url", ""),
        topics=[topics[slug] for slug in data["topics"]],
        places=[places[slug] for slug in data["places"]],
        # Each in the order given: items without a position would come in any order.
        authors=[
            ResourceAuthor(name=name, affiliation=affiliation, sort_order=position)
            for position, (name, affiliation) in enumerate(data["authors"])
        ],
        documents=[ResourceDocument(document=document, sort_order=0)] if document else [],
        related_links=[
            RelatedResource(resource=resources[slug], sort_order=position)
            for position, slug in enumerate(data.get("related", []))
        ],
    )
    log(f"{'created' if created else 'exists'}: resource “{page.title}”")
    return page


def build(log):
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")

    topics = {
        slug: ensure_term(Topic, english, spanish, log, slug, name=name, description=description)
        for slug, name, description in TOPICS
    }
    places = {}
    for slug, name, kind, country in PLACES:
        places[slug] = ensure_term(
            Place,
            english,
            spanish,
            log,
            slug,
            name=name,
            kind=kind,
            country=places.get(country),
        )

    home = Site.objects.get(is_default_site=True).root_page.specific
    library, created = ensure_child_page(
        home, ResourceIndexPage, "resources", show_in_menus=True, **LIBRARY
    )
    log(f"{'created' if created else 'exists'}: page “{library.title}”")
    # The Spanish library must exist before the Spanish resources can be placed in it.
    translated, created = ensure_translation(library, spanish, SPANISH)
    log(f"{'translated' if created else 'exists'}: es “{translated.title}”")

    resources = {}
    for data in RESOURCES:
        page = ensure_resource(library, data, topics, places, resources, log)
        resources[data["slug"]] = page
        translated, created = ensure_translation(page, spanish, SPANISH)
        log(f"{'translated' if created else 'exists'}: es “{translated.title}”")
