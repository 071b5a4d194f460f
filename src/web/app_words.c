/* app_words: the words of the public pages in Indonesian and English, and
 * the choice lists of the respondent profile. */
#include "app_int.h"

static const char *const words[W_COUNT][2] = {
    {"Survei Kepuasan Masyarakat", "Public Satisfaction Survey"},
    {"Pilih unit layanan yang baru saja Anda gunakan untuk mengisi survei.",
     "Choose the service unit you have just used to fill in the survey."},
    {"Isi survei", "Fill in the survey"},
    {"Belum ada unit layanan.", "There are no service units yet."},
    {"Pilih satu jawaban untuk setiap pertanyaan. Pengisian memerlukan sekitar dua menit.",
     "Choose one answer for each question. It takes about two minutes."},
    {"Beberapa isian perlu diperbaiki; lihat keterangan di bawah.",
     "Some answers need attention; see the notes below."},
    {"Pilih salah satu jawaban.", "Please choose one answer."},
    {"Tentang Anda (tidak wajib)", "About you (optional)"},
    {"Kami tidak menanyakan nama atau NIK Anda.", "We do not ask for your name or ID number."},
    {"Usia (tahun)", "Age (years)"},
    {"Tulis usia dengan angka 10 sampai 120.", "Write your age as a number from 10 to 120."},
    {"Pendidikan terakhir", "Highest education"},
    {"Pekerjaan", "Occupation"},
    {"Pilih salah satu dari daftar.", "Please choose from the list."},
    {"Saran dan masukan (tidak wajib)", "Suggestions (optional)"},
    {"Saran paling banyak 2.000 karakter.", "Suggestions may be at most 2,000 characters."},
    {"Dengan mengirim, Anda setuju jawaban ini diolah tanpa nama untuk perbaikan pelayanan.",
     "By sending, you agree that these answers are used, without your name, to improve the "
     "service."},
    {"Kirim", "Send"},
    {"English", "Bahasa Indonesia"},
    {"Terima kasih", "Thank you"},
    {"Jawaban Anda sudah kami terima dan akan dipakai untuk memperbaiki pelayanan.",
     "We have received your answers and will use them to improve the service."},
    {"Survei belum dibuka", "The survey is not open"},
    {"Saat ini tidak ada periode survei yang berjalan untuk unit ini. Silakan kembali lain "
     "waktu.",
     "No survey period is running for this unit right now. Please come back later."},
    {"Periode survei ini sudah ditutup. Terima kasih atas perhatian Anda.",
     "This survey period has closed. Thank you for your interest."},
    {"Halaman tidak ditemukan", "Page not found"},
    {"Alamat yang Anda buka tidak ada.", "The address you opened does not exist."},
    {"Kembali ke daftar unit", "Back to the list of units"},
    {"Terjadi gangguan", "Something went wrong"},
    {"Jawaban belum dapat disimpan. Silakan coba lagi sebentar lagi.",
     "Your answers could not be saved yet. Please try again shortly."},
    {"Laki-laki", "Male"},
    {"Perempuan", "Female"},
    {"Poster QR", "QR poster"},
    {"Semua poster QR (PDF, satu halaman per unit dan layanan)",
     "All QR posters (PDF, a page per unit and service)"},
    {"Nomor tiket antrean", "Queue ticket number"},
    {"Nomor tiket antrean (tidak wajib)", "Queue ticket number (optional)"},
    {"Tertera pada karcis antrean Anda. Satu tiket untuk satu tanggapan.",
     "As printed on your queue ticket. One response per ticket."},
    {"Tulis nomor tiket antrean Anda.", "Please write your queue ticket number."},
    {"Nomor tiket hanya berisi huruf dan angka, paling banyak 32.",
     "A ticket number has only letters and digits, at most 32."},
    {"Tiket ini sudah dipakai untuk mengisi survei. Satu tiket hanya untuk satu tanggapan.",
     "This ticket was already used to fill in the survey. One response per ticket."},
};

const char *const web_educations[WEB_NEDU] = {"SD", "SMP", "SMA", "D1-D3", "D4/S1", "S2", "S3"};
const char *const web_jobs[WEB_NJOB][2] = {{"PNS", "PNS"},
                                           {"TNI", "TNI"},
                                           {"POLRI", "POLRI"},
                                           {"Swasta", "Swasta / Private"},
                                           {"Wirausaha", "Wirausaha / Self-employed"},
                                           {"Lainnya", "Lainnya / Other"}};

const char *web_word(enum web_word w, int lang)
{
	return words[w][lang ? 1 : 0];
}
